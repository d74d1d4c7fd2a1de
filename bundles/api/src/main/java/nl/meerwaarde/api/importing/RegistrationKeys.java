package nl.meerwaarde.api.importing;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.SignalId;

/**
 * The ids imported records get: a name-based UUID (version 3) of a fixed prefix, the kind and the record's key in
 * the source system, so that importing a record again addresses the same row, and a vendor can find a migrated
 * record by its old id. This mapping never changes (a change would duplicate every record on the next import).
 */
public final class RegistrationKeys {
    /** Longest key accepted. */
    public static final int MAX_KEY_LENGTH = 100;

    private static final String PREFIX = "meerwaarde-import:";

    private RegistrationKeys() {}

    public static SignalId signalId(String key) {
        return new SignalId(uuid("signal", key));
    }

    public static ActivityId activityId(String key) {
        return new ActivityId(uuid("activity", key));
    }

    public static UUID participationId(String key) {
        return uuid("participation", key);
    }

    private static UUID uuid(String kind, String key) {
        Objects.requireNonNull(key, "key");
        return UUID.nameUUIDFromBytes((PREFIX + kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }
}
