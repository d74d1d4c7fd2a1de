package nl.meerwaarde.api.kpi;

/** The seven life domains (leefgebieden) of the sector KPI model. */
public enum LifeDomain {
    FINANCIEN,
    WONEN_EN_LEEFBAARHEID,
    WERK_OPLEIDING_EN_ACTIVITEITEN,
    SOCIALE_RELATIES,
    LICHAMELIJKE_GEZONDHEID,
    PSYCHISCHE_GEZONDHEID,
    ZINGEVING
}
