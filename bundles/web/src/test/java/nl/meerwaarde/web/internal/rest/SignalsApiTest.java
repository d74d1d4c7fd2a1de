package nl.meerwaarde.web.internal.rest;

import static nl.meerwaarde.web.internal.rest.Fakes.ANNA;
import static nl.meerwaarde.web.internal.rest.Fakes.BRAM;
import static nl.meerwaarde.web.internal.rest.Fakes.MANOUK;
import static nl.meerwaarde.web.internal.rest.Fakes.MIRA;
import static nl.meerwaarde.web.internal.rest.Fakes.RESIDENT;
import static nl.meerwaarde.web.internal.rest.Fakes.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.web.internal.Fixtures;
import org.junit.jupiter.api.Test;

class SignalsApiTest {
    static final String INJECTION = "<script>alert('x')</script>'; DROP TABLE mw_signal; --";

    private final Fakes.Signals signals = new Fakes.Signals();
    private final Fakes.Activities activities = new Fakes.Activities();
    private final SignalsResource resource =
            new SignalsResource(signals, activities, new Fakes.KnownResidents(MANOUK), Fakes.CLOCK);

    static Bodies.NewSignal body(String team, String type, String resident) {
        return new Bodies.NewSignal(
                team, null, type, List.of("jonge-moeders"), "consultatiebureau", INJECTION, true, resident);
    }

    @Test
    void aWorkerRegistersASignalForHisTeamStoredVerbatimAndDatedToday() {
        Response response = resource.register(body("team-noord", "netwerk", "r-manouk"), as(ANNA));

        assertThat(response.getStatus()).isEqualTo(201);
        Signal saved = signals.saved.values().iterator().next();
        assertThat(response.getLocation().toString()).isEqualTo("v1/signals/" + saved.id());
        assertThat(saved.registeredOn()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(saved.question()).isEqualTo(INJECTION);
        assertThat(saved.resident()).contains(MANOUK);
        assertThat(saved.answered()).isTrue();
        Views.SignalDetailView view = (Views.SignalDetailView) response.getEntity();
        assertThat(view.question()).contains(INJECTION);
    }

    @Test
    void todayIsTheDutchCalendarDayWhateverTheServersZone() {
        // 23:30 UTC on 10 March is already 11 March in the Netherlands.
        SignalsResource lateEvening = new SignalsResource(
                signals,
                activities,
                new Fakes.KnownResidents(MANOUK),
                java.time.Clock.fixed(java.time.Instant.parse("2026-03-10T23:30:00Z"), java.time.ZoneOffset.UTC));

        lateEvening.register(body("team-noord", "netwerk", null), as(ANNA));

        assertThat(signals.saved.values().iterator().next().registeredOn()).isEqualTo(LocalDate.of(2026, 3, 11));
    }

    @Test
    void theAuthorisationMatrixOfRegistering() {
        InvalidInputException otherTeam = catchThrowableOfType(
                InvalidInputException.class, () -> resource.register(body("team-zuid", "netwerk", null), as(ANNA)));
        assertThat(otherTeam.errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("team team.notMember");
        assertThatThrownBy(() -> resource.register(body("team-noord", "netwerk", null), as(RESIDENT)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> resource.register(body("team-noord", "netwerk", null), as(MIRA)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> resource.register(body("team-noord", "netwerk", null), as(null)))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(signals.saves).isZero();
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.register(
                        new Bodies.NewSignal(
                                null,
                                LocalDate.of(2027, 1, 1),
                                "x".repeat(65),
                                List.of("ok", " ", "ok"),
                                "r".repeat(201),
                                null,
                                null,
                                "r-unknown"),
                        as(ANNA)));
        assertThat(e.errors())
                .extracting(error -> error.field() + " " + error.code())
                .containsExactly(
                        "team field.required",
                        "registeredOn field.max",
                        "type field.length",
                        "targetGroups[1] field.required",
                        "targetGroups[2] field.invalid",
                        "referrer field.length",
                        "resident resident.unknown");
        InvalidInputException empty =
                catchThrowableOfType(InvalidInputException.class, () -> resource.register(null, as(ANNA)));
        assertThat(empty.errors()).extracting(error -> error.field()).containsExactly("body");
        assertThat(signals.saves).isZero();
    }

    @Test
    void aSignalIsOnlyShownToItsTeamAndOthersGet404() {
        resource.register(body("team-noord", "netwerk", null), as(ANNA));
        String id = signals.saved.keySet().iterator().next().toString();

        assertThat(resource.get(id, as(ANNA)).type()).isEqualTo("netwerk");
        assertThatThrownBy(() -> resource.get(id, as(BRAM))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.get("not-a-uuid", as(ANNA))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.get("00000000-0000-0000-0000-000000000009", as(ANNA)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.get(id, as(RESIDENT))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aSignalIsClusteredOntoAnActivityOfTheWorkersTeamsOnly() {
        resource.register(body("team-noord", "netwerk", null), as(ANNA));
        String id = signals.saved.keySet().iterator().next().toString();
        CollectiveActivity own = Fakes.activity(Fixtures.NOORD, Stage.ANALYSIS);
        CollectiveActivity other = Fakes.activity(Fixtures.ZUID, Stage.ANALYSIS);
        activities.save(own);
        activities.save(other);
        int saves = signals.saves;

        InvalidInputException foreign = catchThrowableOfType(
                InvalidInputException.class,
                () -> resource.cluster(id, new Bodies.Cluster(other.id().toString()), as(ANNA)));
        assertThat(foreign.errors()).extracting(e -> e.code()).containsExactly("activity.unknown");
        InvalidInputException garbage = catchThrowableOfType(
                InvalidInputException.class, () -> resource.cluster(id, new Bodies.Cluster("1 OR 1=1"), as(ANNA)));
        assertThat(garbage.errors()).extracting(e -> e.code()).containsExactly("activity.unknown");
        InvalidInputException missing = catchThrowableOfType(
                InvalidInputException.class, () -> resource.cluster(id, new Bodies.Cluster(null), as(ANNA)));
        assertThat(missing.errors()).extracting(e -> e.code()).containsExactly("field.required");
        assertThatThrownBy(
                        () -> resource.cluster(id, new Bodies.Cluster(other.id().toString()), as(BRAM)))
                .isInstanceOf(NotFoundException.class);
        assertThat(signals.saves).isEqualTo(saves);

        Views.SignalDetailView clustered =
                resource.cluster(id, new Bodies.Cluster(own.id().toString()), as(ANNA));
        assertThat(clustered.activity()).contains(own.id().toString());
        assertThat(signals.saved.values().iterator().next().activity()).isEqualTo(Optional.of(own.id()));
    }
}
