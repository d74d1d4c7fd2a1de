package nl.meerwaarde.api;

/** The stages of the reference model for collective services (referentiemodel), in order. */
public enum Stage {
    SIGNAL,
    ANALYSIS,
    PLAN,
    EXECUTION,
    IMPACT_MEASUREMENT,
    EVALUATION,
    CLOSED
}
