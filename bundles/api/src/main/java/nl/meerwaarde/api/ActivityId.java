package nl.meerwaarde.api;

import java.util.Objects;
import java.util.UUID;

/** Id of a collective activity in Meerwaarde. */
public record ActivityId(UUID value) {
    public ActivityId {
        Objects.requireNonNull(value, "value");
    }

    public static ActivityId random() {
        return new ActivityId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
