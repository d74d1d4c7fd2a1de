package nl.meerwaarde.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.meerwaarde.host.spi.FunderId;
import nl.meerwaarde.host.spi.TeamId;

/**
 * A collective activity (group work serving many residents) and the figures registered on it.
 *
 * @param startsOn first session date: the activity, and its participations, belong to the period it falls in
 * @param budget budgeted hours and euros (registered fields 5 and 6), when planned
 * @param actual actual hours and euros (registered fields 14 and 15), when registered
 * @param anonymous counts of anonymous participants, when the activity registers counts only
 * @param individualQuestionsAnswered registered field 17, when registered
 * @param referrerSatisfaction registered field 4, a grade 1-10, when registered
 * @param analysis the analysis of the signals behind the activity (free text, never exported), when written
 * @param instrument the measurement instrument chosen in the plan, when chosen
 * @param partners the partner organisations the activity is run with (names or codes from the organisation's list)
 * @param sessions the number of sessions held, when registered
 * @param lessonsLearned what the team learned, written at the evaluation (free text, never exported)
 */
public record CollectiveActivity(
        ActivityId id,
        TeamId team,
        String title,
        Stage stage,
        Set<String> targetGroups,
        Optional<FunderId> funder,
        Optional<LocalDate> startsOn,
        Optional<Investment> budget,
        Optional<Investment> actual,
        Optional<AnonymousCounts> anonymous,
        Optional<Integer> individualQuestionsAnswered,
        Optional<Integer> referrerSatisfaction,
        List<SmartGoal> goals,
        Optional<String> analysis,
        Optional<ChosenInstrument> instrument,
        Set<String> partners,
        Optional<Integer> sessions,
        Optional<String> lessonsLearned) {
    public CollectiveActivity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(stage, "stage");
        targetGroups = Set.copyOf(targetGroups);
        Objects.requireNonNull(funder, "funder");
        Objects.requireNonNull(startsOn, "startsOn");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(anonymous, "anonymous");
        Objects.requireNonNull(individualQuestionsAnswered, "individualQuestionsAnswered");
        referrerSatisfaction.ifPresent(Grades::requireGrade);
        goals = List.copyOf(goals);
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(instrument, "instrument");
        partners = Set.copyOf(partners);
        sessions.ifPresent(count -> {
            if (count < 0) {
                throw new IllegalArgumentException("sessions must not be negative");
            }
        });
        Objects.requireNonNull(lessonsLearned, "lessonsLearned");
    }

    /**
     * The instrument the plan chose to measure impact with.
     *
     * @param code an option code of the registration questionnaire's instrument item, e.g. {@code zrm-2017}, or
     *     {@code anders} for an instrument the list does not name
     * @param otherName the instrument's name when {@code code} is {@code anders}
     */
    public record ChosenInstrument(String code, Optional<String> otherName) {
        public static final String OTHER = "anders";

        public ChosenInstrument {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(otherName, "otherName");
        }
    }

    /** Hours and euros, each optional (an activity may budget hours but no money). */
    public record Investment(Optional<BigDecimal> hours, Optional<BigDecimal> euros) {
        public Investment {
            hours.ifPresent(h -> requireNotNegative(h, "hours"));
            euros.ifPresent(e -> requireNotNegative(e, "euros"));
        }

        private static void requireNotNegative(BigDecimal value, String what) {
            if (value.signum() < 0) {
                throw new IllegalArgumentException(what + " must not be negative");
            }
        }
    }

    /** The counts an anonymous activity registers instead of known participants. */
    public record AnonymousCounts(int participants, int measured, int helped) {
        public AnonymousCounts {
            if (participants < 0 || measured < 0 || helped < 0) {
                throw new IllegalArgumentException("anonymous counts must not be negative");
            }
            if (measured > participants || helped > measured) {
                throw new IllegalArgumentException("anonymous counts must satisfy helped <= measured <= participants");
            }
        }
    }

    /** A SMART goal of the activity plan and, after evaluation, how far it was realised (registered field 12). */
    public record SmartGoal(String description, Optional<GoalRealisation> realisation) {
        public SmartGoal {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(realisation, "realisation");
        }
    }

    public enum GoalRealisation {
        ACHIEVED,
        PARTLY,
        NOT_ACHIEVED
    }
}
