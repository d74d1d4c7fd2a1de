package nl.meerwaarde.web.internal.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.meerwaarde.api.ActivityId;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.api.SignalId;
import nl.meerwaarde.api.Stage;
import nl.meerwaarde.web.internal.Fixtures;
import nl.meerwaarde.web.internal.Languages;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.TeamNames;
import org.junit.jupiter.api.Test;

class TablesTest {
    private static final Links LINKS =
            new Links("/meerwaarde", "/meerwaarde/activities", null, java.util.Optional.empty());

    static final String SCRIPT = "<script>alert('x')</script>";
    static final String ATTRIBUTE_BREAKER = "\"><img src=x onerror=alert(1)>";

    static Signal hostileSignal() {
        return new Signal(
                SignalId.random(),
                Fixtures.NOORD,
                LocalDate.of(2026, 2, 3),
                ATTRIBUTE_BREAKER,
                Set.of(SCRIPT, "ouders & kinderen"),
                SCRIPT,
                "vraag",
                false,
                Optional.empty(),
                Optional.empty());
    }

    static CollectiveActivity activity(String title, Stage stage, Optional<LocalDate> startsOn) {
        return new CollectiveActivity(
                new ActivityId(UUID.randomUUID()),
                Fixtures.NOORD,
                title,
                stage,
                Set.of("jonge moeders"),
                Optional.empty(),
                startsOn,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void hostileSignalValuesAreEscaped() {
        String html = Tables.signals(List.of(hostileSignal()), Messages.of(Languages.DUTCH));

        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("ouders &amp; kinderen");
    }

    @Test
    void theSignalsTableIsAnAccessibleTable() {
        String html = Tables.signals(List.of(hostileSignal()), Messages.of(Languages.DUTCH));

        assertThat(html)
                .contains("<caption id=\"signals-caption\">Signalen van uw teams, nieuwste eerst</caption>")
                .contains("<th scope=\"col\">Datum</th>")
                .contains("<th scope=\"col\">Aanmeldende partij</th>")
                .contains("<th scope=\"col\">Beantwoord</th>")
                .contains("<time datetime=\"2026-02-03\">3 februari 2026</time>")
                .contains("<td>Nee</td>")
                .contains("aria-labelledby=\"signals-caption\"")
                .doesNotContain("vraag");
    }

    @Test
    void hostileActivityValuesAreEscapedIncludingTheTeamName() {
        TeamNames teams = TeamNames.of(new FakeOrganisation(SCRIPT));

        String html = Tables.activities(
                List.of(activity(ATTRIBUTE_BREAKER, Stage.PLAN, Optional.empty())),
                Messages.of(Languages.DUTCH),
                teams,
                LINKS);

        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .containsPattern("<th scope=\"row\"><a href=\"/meerwaarde/activities/[0-9a-f-]{36}\">"
                        + "&quot;&gt;&lt;img src=x onerror=alert\\(1\\)&gt;</a></th>")
                .contains("&lt;script&gt;");
    }

    @Test
    void activitiesShowTheirStageInDutchAndAnUnplannedStart() {
        String html = Tables.activities(
                List.of(
                        activity("Sociale huiskamer", Stage.EXECUTION, Optional.of(LocalDate.of(2026, 9, 1))),
                        activity("Taalcafé", Stage.SIGNAL, Optional.empty())),
                Messages.of(Languages.DUTCH),
                TeamNames.of(null),
                LINKS);

        assertThat(html)
                .contains("<caption id=\"activities-caption\">")
                .contains("<th scope=\"col\">Fase</th>")
                .contains("<td>Uitvoering</td>")
                .contains("<td>Signaal</td>")
                .contains("<time datetime=\"2026-09-01\">1 september 2026</time>")
                .contains("Nog niet gepland")
                .contains("<td>team-noord</td>");
    }

    @Test
    void anEmptyListSaysSoInsteadOfAnEmptyTable() {
        assertThat(Tables.signals(List.of(), Messages.of(Languages.ENGLISH)))
                .isEqualTo("<p>No signals have been registered for your teams yet.</p>\n");
        assertThat(Tables.activities(List.of(), Messages.of(Languages.DUTCH), TeamNames.of(null), LINKS))
                .doesNotContain("<table");
    }
}
