package nl.meerwaarde.host.spi;

/** A worker (sociaal werker) as the host knows him or her. */
public record WorkerId(String value) {
    public WorkerId {
        HostIds.requireValid(value, "worker");
    }

    @Override
    public String toString() {
        return value;
    }
}
