package nl.meerwaarde.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.meerwaarde.host.spi.ResidentId;

/**
 * A known resident's participation in a collective activity, with the impact measurement when it is filled in
 * (registered fields 7-11 and 18).
 *
 * @param measurement the impact measurement; present once "helped" is answered (the participation is then
 *     <em>measured</em>)
 * @param referrals the partners the resident was referred on to (registered field 18)
 */
public record Participation(
        UUID id,
        ActivityId activity,
        ResidentId resident,
        Optional<ImpactMeasurement> measurement,
        Set<String> referrals) {
    public Participation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(resident, "resident");
        Objects.requireNonNull(measurement, "measurement");
        referrals = Set.copyOf(referrals);
    }

    /**
     * One participant's impact measurement: counting (helped, grade, dimensions) and telling (reason,
     * explanation, quotes, observation).
     */
    public record ImpactMeasurement(
            boolean helped,
            Optional<String> helpedReason,
            Optional<Integer> grade,
            Optional<String> gradeExplanation,
            Set<String> dimensions,
            List<String> quotes,
            Optional<String> workerObservation) {
        public ImpactMeasurement {
            Objects.requireNonNull(helpedReason, "helpedReason");
            grade.ifPresent(Grades::requireGrade);
            Objects.requireNonNull(gradeExplanation, "gradeExplanation");
            dimensions = Set.copyOf(dimensions);
            quotes = List.copyOf(quotes);
            Objects.requireNonNull(workerObservation, "workerObservation");
        }
    }
}
