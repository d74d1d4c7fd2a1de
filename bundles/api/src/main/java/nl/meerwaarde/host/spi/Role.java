package nl.meerwaarde.host.spi;

/** What a worker may do in Meerwaarde; a host maps its own roles onto these. */
public enum Role {
    /** Registers signals, activities and measurements for his or her own teams. */
    WORKER,
    /** Reads KPIs and reports of the whole organisation, sees the export log. */
    MANAGER,
    /** Configures definitions, connectors and the benchmark export. */
    ADMINISTRATOR
}
