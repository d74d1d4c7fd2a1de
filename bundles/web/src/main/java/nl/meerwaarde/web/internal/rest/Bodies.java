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
            List<Goal> goals,
            String analysis,
            Instrument instrument,
            List<String> partners) {}

    /** The chosen measurement instrument: an option code, and a name when the code is {@code anders}. */
    public record Instrument(String code, String otherName) {}

    public record Budget(BigDecimal hours, BigDecimal euros) {}

    public record Goal(String description) {}

    /**
     * {@code PATCH /v1/activities/{id}}: the registered fields to change; a property left out (or {@code null}) keeps
     * its value. {@code budget}, {@code actual}, {@code anonymous} and {@code instrument} are each replaced as a
     * whole, {@code goals} and {@code partners} as a list; an empty text, or an instrument without code, clears it.
     */
    public record ActivityUpdate(
            String title,
            List<String> targetGroups,
            String funder,
            LocalDate startsOn,
            Budget budget,
            Budget actual,
            Counts anonymous,
            Integer individualQuestionsAnswered,
            Integer referrerSatisfaction,
            List<GoalUpdate> goals,
            String analysis,
            Instrument instrument,
            List<String> partners,
            Integer sessions,
            String lessonsLearned) {}

    /** The counts of an anonymous activity: helped &lt;= measured &lt;= participants. */
    public record Counts(Integer participants, Integer measured, Integer helped) {}

    /** A goal and how far it was realised ({@code null}: not evaluated yet). */
    public record GoalUpdate(String description, String realisation) {}

    /** {@code POST /v1/activities/{id}/stage}. */
    public record StageMove(String to, String skipReason) {}

    /** {@code PUT /v1/activities/{id}/participations/{residentId}/impact}. */
    public record Answers(Integer questionnaireVersion, List<AnswerBody> answers) {}

    public record AnswerBody(String linkId, List<Object> values) {}
}
