package nl.meerwaarde.api.kpi;

/** Where the figures of a KPI come from. */
public enum KpiSource {
    REGISTRATIONS,
    INSTRUMENT_MEASUREMENTS,
    EXTERNAL_FIGURES
}
