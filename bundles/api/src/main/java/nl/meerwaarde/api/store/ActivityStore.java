package nl.meerwaarde.api.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.api.questionnaire.QuestionnaireResponse;
import nl.meerwaarde.host.spi.TeamId;
import org.osgi.annotation.versioning.ProviderType;

/** Collective activities and the participations in them. */
@ProviderType
public interface ActivityStore {
    /** Inserts the activity with its goals, or replaces the one with the same id, in one transaction. */
    void save(CollectiveActivity activity);

    Optional<CollectiveActivity> find(ActivityId id);

    /** Activities of the given teams, newest start first (unplanned ones last). */
    List<CollectiveActivity> list(Collection<TeamId> teams, int offset, int limit);

    long count(Collection<TeamId> teams);

    /** Activities of the given teams in one of the given stages (every stage when empty), newest start first. */
    List<CollectiveActivity> list(Collection<TeamId> teams, Set<Stage> stages, int offset, int limit);

    /** How many activities of the given teams are in each stage; a stage without any is left out. */
    Map<Stage, Long> countByStage(Collection<TeamId> teams);

    /** Inserts the participation, or replaces the one with the same id; the activity must exist. */
    void saveParticipation(Participation participation);

    List<Participation> participations(ActivityId activity);

    /**
     * Saves a participation together with the questionnaire response its impact measurement was taken from, in
     * one transaction: both are stored, or neither.
     */
    void saveMeasurement(Participation participation, QuestionnaireResponse response);

    /**
     * Moves the activity from one stage to another and records the change, in one transaction; the workflow rules
     * are checked by the caller before. Fails without changing anything when the activity is not (or no longer)
     * in stage {@code from}, so two workers moving the same activity at once cannot both succeed.
     *
     * @throws IllegalStateException when the activity is missing or not in stage {@code from}
     */
    void changeStage(StageChange change);

    /** The stage changes of an activity, oldest first. */
    List<StageChange> stageChanges(ActivityId activity);
}
