package nl.meerwaarde.host.spi;

/** A team of the organisation, as the host knows it. */
public record TeamId(String value) {
    public TeamId {
        HostIds.requireValid(value, "team");
    }

    @Override
    public String toString() {
        return value;
    }
}
