package nl.meerwaarde.web.internal.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON request bodies of the REST API. Every property is optional to Jackson (missing is {@code null}) so that
 * the resources can report every missing required field at once; unknown properties are refused by the JSON
 * provider.
 */
public final class Bodies {
    private Bodies() {}

    /** {@code POST /v1/signals}. */
    public record NewSignal(
            String team,
            LocalDate registeredOn,
            String type,
            List<String> targetGroups,
            String referrer,
            String question,
            Boolean answered,
            String resident) {}

    /** {@code PUT /v1/signals/{id}/activity}. */
    public record Cluster(String activityId) {}

    /** {@code POST /v1/activities}. */
    public record NewActivity(
            String title,
            String team,
            String stage,
            List<String> targetGroups,
            String funder,
            LocalDate startsOn,
            Budget budget,
            List<Goal> goals) {}

    public record Budget(BigDecimal hours, BigDecimal euros) {}

    public record Goal(String description) {}

    /** {@code POST /v1/activities/{id}/stage}. */
    public record StageMove(String to, String skipReason) {}

    /** {@code PUT /v1/activities/{id}/participations/{residentId}/impact}. */
    public record Answers(Integer questionnaireVersion, List<AnswerBody> answers) {}

    public record AnswerBody(String linkId, List<Object> values) {}
}
