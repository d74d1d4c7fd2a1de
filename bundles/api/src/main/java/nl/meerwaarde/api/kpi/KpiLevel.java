package nl.meerwaarde.api.kpi;

/** The levels of the sector KPI model. */
public enum KpiLevel {
    INPUT,
    THROUGHPUT,
    OUTPUT,
    OUTCOME
}
