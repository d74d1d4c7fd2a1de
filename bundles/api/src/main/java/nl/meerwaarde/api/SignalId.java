package nl.meerwaarde.api;

import java.util.Objects;
import java.util.UUID;

/** Id of a signal in Meerwaarde. */
public record SignalId(UUID value) {
    public SignalId {
        Objects.requireNonNull(value, "value");
    }

    public static SignalId random() {
        return new SignalId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
