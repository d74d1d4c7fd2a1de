package nl.meerwaarde.host.spi;

/** A funder (opdrachtgever), usually a municipality, as the host knows it. */
public record FunderId(String value) {
    public FunderId {
        HostIds.requireValid(value, "funder");
    }

    @Override
    public String toString() {
        return value;
    }
}
