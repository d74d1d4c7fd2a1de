package nl.meerwaarde.api.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.Stage;

/**
 * One move of a collective activity through the reference model.
 *
 * @param skipped the stages this move skipped (impact measurement, evaluation), each only with {@code reason}
 * @param reason why stages were skipped, required when {@code skipped} is not empty
 * @param by {@code Subject.auditName()} of the worker who moved it
 */
public record StageChange(
        ActivityId activity,
        Stage from,
        Stage to,
        java.util.Set<Stage> skipped,
        Optional<String> reason,
        Instant at,
        String by) {
    public StageChange {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        skipped = java.util.Set.copyOf(skipped);
        Objects.requireNonNull(reason, "reason");
        if (!skipped.isEmpty() && reason.map(String::isBlank).orElse(true)) {
            throw new IllegalArgumentException("skipping a stage needs a reason");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
