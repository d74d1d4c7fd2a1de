package nl.meerwaarde.host.spi;

import java.util.Objects;

/** A team of the organisation. */
public record Team(TeamId id, String name) {
    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
