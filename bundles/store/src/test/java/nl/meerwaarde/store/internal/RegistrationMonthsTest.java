package nl.meerwaarde.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Participation;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.host.spi.ResidentId;
import nl.meerwaarde.host.spi.TeamId;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write of a registration raises the version of the team and month it leaves and of the one it enters (the KPI
 * engine's maintained aggregates rely on it), and two transactions that both see a month for the first time both
 * count.
 */
class RegistrationMonthsTest {
    @TempDir
    Path dir;

    @OnBothDatabases
    void aSignalRaisesItsMonthAndWhenMovedTheMonthItLeaves(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcSignalStore signals = new JdbcSignalStore(database);
        Signal signal = JdbcSignalStoreTest.full(); // team-noord, March 2025

        signals.save(signal);
        assertThat(versions(database)).isEqualTo(Map.of("team-noord 202503", 1L));

        signals.save(signal);
        assertThat(versions(database)).isEqualTo(Map.of("team-noord 202503", 2L));

        signals.save(new Signal(
                signal.id(),
                new TeamId("team-zuid"),
                LocalDate.of(2025, 4, 30),
                signal.type(),
                signal.targetGroups(),
                signal.referrer(),
                signal.question(),
                signal.answered(),
                signal.resident(),
                signal.activity()));
        assertThat(versions(database)).isEqualTo(Map.of("team-noord 202503", 3L, "team-zuid 202504", 1L));
    }

    @OnBothDatabases
    void activitiesAndParticipationsRaiseTheMonthsOfTheActivitiesTheyLeaveAndEnter(Engine engine) {
        MigratedDatabase database = engine.migrated(dir);
        JdbcActivityStore activities = new JdbcActivityStore(database);
        CollectiveActivity february = JdbcActivityStoreTest.full(); // team-noord, 3 February 2025
        CollectiveActivity undated = JdbcActivityStoreTest.minimal(); // team-zuid, no first day

        activities.save(february);
        activities.save(undated);
        assertThat(versions(database)).isEqualTo(Map.of("team-noord 202502", 1L));

        Participation participation = JdbcActivityStoreTest.measured(february.id(), ResidentId.of("res-1"));
        activities.saveParticipation(participation);
        assertThat(versions(database)).isEqualTo(Map.of("team-noord 202502", 2L));

        // to an activity without a first day: the month it leaves changes, the undated one is in no month
        activities.saveParticipation(new Participation(
                participation.id(),
                undated.id(),
                participation.resident(),
                participation.measurement(),
                participation.referrals()));
        assertThat(versions(database)).isEqualTo(Map.of("team-noord 202502", 3L));

        // the undated activity gets a first day: its participations enter that month
        activities.save(withStart(undated, LocalDate.of(2025, 6, 1)));
        assertThat(versions(database)).isEqualTo(Map.of("team-noord 202502", 3L, "team-zuid 202506", 1L));
    }

    @OnBothDatabases
    void aMonthInsertedByAnotherTransactionFirstIsRaisedInstead(Engine engine) throws Exception {
        MigratedDatabase database = engine.migrated(dir);
        RegistrationMonths.TeamMonth month = new RegistrationMonths.TeamMonth("team-noord", 202507);
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            RegistrationMonths.insert(connection, month);
            // as if this transaction had found no row and another inserted it meanwhile
            RegistrationMonths.insert(connection, month);
            connection.commit();
        }
        assertThat(versions(database)).isEqualTo(Map.of("team-noord 202507", 2L));
    }

    private static Map<String, Long> versions(MigratedDatabase database) {
        Map<String, Long> versions = new TreeMap<>();
        for (Map<String, Object> row :
                Sql.rows(database.dataSource(), "SELECT team_id, month_key, version FROM mw_registration_month")) {
            versions.put(row.get("team_id") + " " + row.get("month_key"), ((Number) row.get("version")).longValue());
        }
        return versions;
    }

    private static CollectiveActivity withStart(CollectiveActivity a, LocalDate startsOn) {
        return new CollectiveActivity(
                a.id(),
                a.team(),
                a.title(),
                a.stage(),
                a.targetGroups(),
                a.funder(),
                Optional.of(startsOn),
                a.budget(),
                a.actual(),
                a.anonymous(),
                a.individualQuestionsAnswered(),
                a.referrerSatisfaction(),
                a.goals(),
                a.analysis(),
                a.instrument(),
                a.partners(),
                a.sessions(),
                a.lessonsLearned());
    }
}
