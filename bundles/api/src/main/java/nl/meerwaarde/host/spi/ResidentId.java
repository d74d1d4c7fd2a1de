package nl.meerwaarde.host.spi;

import java.util.Objects;

/** A resident as the host knows him or her: the host's own id, never a BSN. */
public record ResidentId(String value) {
    public ResidentId {
        HostIds.requireValid(value, "resident");
    }

    @Override
    public String toString() {
        return value;
    }

    /** Parses a host id, rejecting blanks and over-long values. */
    public static ResidentId of(String value) {
        return new ResidentId(Objects.requireNonNull(value, "resident id"));
    }
}
