package nl.meerwaarde.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.meerwaarde.api.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Issue 4: all KPI libraries are checked together: ids unique over all of them, every {@code ref} leading to a
 * computed KPI without a breakdown, and no cycles; each problem names its library and KPI.
 */
class LibrariesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A computed KPI with this formula. */
    private static ObjectNode kpi(String id, String formula) {
        try {
            ObjectNode kpi = (ObjectNode) JSON.readTree("""
                    {"id": "%s", "name": "KPI %s", "description": "Een KPI.", "level": "output", "unit": "count",
                     "source": "registrations"}""".formatted(id, id));
            kpi.set("formula", JSON.readTree(formula));
            return kpi;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A KPI whose figures are entered, not computed. */
    private static ObjectNode external(String id) {
        ObjectNode kpi = kpi(id, "{}");
        kpi.remove("formula");
        kpi.put("source", "external");
        return kpi;
    }

    private static ObjectNode ref(String id, String target) {
        return kpi(id, "{\"ref\": \"" + target + "\"}");
    }

    private static ObjectNode count(String id) {
        return kpi(id, "{\"count\": \"signal.id\"}");
    }

    private static KpiLibrary library(String id, ObjectNode... kpis) {
        ObjectNode library = JSON.createObjectNode()
                .put("format", "meerwaarde-kpi-library")
                .put("formatVersion", 1)
                .put("id", id)
                .put("name", "Bibliotheek " + id)
                .put("description", "Een bibliotheek.");
        ArrayNode array = library.putArray("kpis");
        for (ObjectNode kpi : kpis) {
            array.add(kpi);
        }
        return LibraryReader.read(library);
    }

    private static List<String> errors(KpiLibrary... libraries) {
        InvalidInputException e =
                catchThrowableOfType(InvalidInputException.class, () -> Libraries.of(List.of(libraries)));
        assertThat(e).as("refused").isNotNull();
        return e.errors().stream()
                .map(error -> error.field() + " " + error.code() + " " + error.arguments())
                .toList();
    }

    @Test
    void librariesThatFitTogetherAreAccepted() {
        KpiLibrary base = library("basis", count("signalen"), external("wachttijd"), kpi("per-type", """
                {"count": "signal.id", "by": "signal.type"}"""));
        KpiLibrary own = library("eigen", ref("ook-signalen", "signalen"), kpi("aandeel", """
                        {"ratio": {"of": {"ref": "signalen"}, "to": {"plus": [{"ref": "ook-signalen"},
                                   {"count": "activity.id"}]}, "times": 100}}"""), kpi("per-team", """
                        {"plus": [{"ref": "signalen"}, {"ref": "aandeel"}], "by": "signal.type"}"""));

        Libraries libraries = Libraries.of(List.of(base, own));

        assertThat(libraries.libraries()).containsExactly(base, own);
        assertThat(libraries.all())
                .extracting(Kpi::id)
                .containsExactly("signalen", "wachttijd", "per-type", "ook-signalen", "aandeel", "per-team");
        assertThat(libraries.kpi("aandeel")).contains(own.kpis().get(1));
        assertThat(libraries.kpi("wachttijd").orElseThrow().formula()).isEmpty();
        assertThat(libraries.kpi("onbekend")).isEmpty();
        assertThat(Libraries.of(List.of()).all()).isEmpty();
    }

    @Test
    void refsThatShareATargetAreNoCycle() {
        // a diamond: top → left, right → bottom; and the same KPI twice in one formula
        KpiLibrary library = library(
                "eigen",
                kpi("top", "{\"ratio\": {\"of\": {\"ref\": \"left\"}, \"to\": {\"ref\": \"right\"}}}"),
                kpi("left", "{\"plus\": [{\"ref\": \"bottom\"}, {\"ref\": \"bottom\"}]}"),
                ref("right", "bottom"),
                count("bottom"));

        assertThat(Libraries.of(List.of(library)).all()).hasSize(4);
    }

    @Test
    void idsAreUniqueOverAllLibraries() {
        KpiLibrary first = library("eerste", count("signalen"), count("groepen"));
        KpiLibrary second = library("tweede", count("andere"), count("signalen"));
        KpiLibrary third = library("derde", count("groepen"));

        assertThat(errors(first, second, third))
                .containsExactly(
                        "tweede: kpis[1].id kpi.duplicate [signalen]", "derde: kpis[0].id kpi.duplicate [groepen]");
    }

    @Test
    void aRefMustNameAKnownKpi() {
        KpiLibrary library = library(
                "eigen",
                count("signalen"),
                ref("verkeerd", "signaaltjes"),
                kpi(
                        "genest",
                        "{\"ratio\": {\"of\": {\"ref\": \"signalen\"}, \"to\": {\"plus\": [{\"ref\": \"x\"},"
                                + " {\"count\": \"activity.id\"}]}}}"));

        assertThat(errors(library))
                .containsExactly(
                        "eigen: kpis[1].formula formula.unknownRef [signaaltjes]",
                        "eigen: kpis[2].formula formula.unknownRef [x]");
    }

    @Test
    void aRefMustNameAComputedKpi() {
        KpiLibrary entered = library("ingevoerd", external("wachttijd"));
        KpiLibrary own = library("eigen", ref("ook-wachttijd", "wachttijd"));

        assertThat(errors(entered, own)).containsExactly("eigen: kpis[0].formula formula.unknownRef [wachttijd]");
    }

    @Test
    void aRefMustNameAKpiWithoutABreakdown() {
        KpiLibrary library = library(
                "eigen",
                kpi("per-type", "{\"count\": \"signal.id\", \"by\": \"signal.type\"}"),
                kpi("aandeel", "{\"ratio\": {\"of\": {\"ref\": \"per-type\"}, \"to\": {\"count\": \"signal.id\"}}}"));

        assertThat(errors(library)).containsExactly("eigen: kpis[1].formula formula.refBreakdown [per-type]");
    }

    @Test
    void theShippedBreakdownsCannotBeReferred() {
        KpiLibrary own = library("eigen", ref("per-doelgroep", "tinten-3"), ref("signalen", "tinten-1"));
        List<KpiLibrary> libraries =
                new ArrayList<>(KpiEngineComponent.shipped().libraries());
        libraries.add(own);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> Libraries.of(libraries));

        assertThat(e.errors())
                .extracting(error -> error.field() + " " + error.code() + " " + error.arguments())
                .containsExactly("eigen: kpis[0].formula formula.refBreakdown [tinten-3]");
    }

    @Test
    void aKpiMayNotReferToItself() {
        KpiLibrary library = library("eigen", count("signalen"), kpi("zelf", """
                {"plus": [{"count": "signal.id"}, {"ref": "zelf"}]}"""));

        assertThat(errors(library)).containsExactly("eigen: kpis[1].formula formula.cycle [zelf]");
    }

    @Test
    void aCycleOfTwoIsRefused() {
        KpiLibrary library = library("eigen", ref("a", "b"), count("los"), kpi("b", """
                {"ratio": {"of": {"count": "signal.id"}, "to": {"ref": "a"}}}"""));

        assertThat(errors(library))
                .containsExactlyInAnyOrder(
                        "eigen: kpis[0].formula formula.cycle [a]", "eigen: kpis[2].formula formula.cycle [b]");
    }

    @Test
    void aCycleOfThreeOverTwoLibrariesNamesBothLibraries() {
        KpiLibrary first = library("eerste", count("los"), ref("a", "b"));
        KpiLibrary second = library("tweede", ref("b", "c"), kpi("c", """
                {"plus": [{"count": "activity.id"}, {"ref": "a"}]}"""));

        assertThat(errors(first, second))
                .containsExactlyInAnyOrder(
                        "eerste: kpis[1].formula formula.cycle [a]",
                        "tweede: kpis[0].formula formula.cycle [b]",
                        "tweede: kpis[1].formula formula.cycle [c]");
    }

    @Test
    void aKpiThatLeadsIntoACycleIsRefusedAsWell() {
        KpiLibrary library = library("eigen", ref("voor", "a"), ref("a", "b"), ref("b", "a"), count("los"));

        assertThat(errors(library))
                .containsExactlyInAnyOrder(
                        "eigen: kpis[0].formula formula.cycle [voor]",
                        "eigen: kpis[1].formula formula.cycle [a]",
                        "eigen: kpis[2].formula formula.cycle [b]");
    }

    @Test
    void cyclesAreLookedForOnlyWhenEveryRefResolves() {
        KpiLibrary library = library("eigen", ref("a", "b"), ref("b", "a"), ref("c", "onbekend"));

        assertThat(errors(library)).containsExactly("eigen: kpis[2].formula formula.unknownRef [onbekend]");
    }

    /**
     * Bug: the cycle check walks every path of refs without remembering the KPIs it has already found free of cycles,
     * so its time doubles with every level of a chain of KPIs that each refer to the next one twice (a plus of two
     * refs, or a ratio of a ref to itself). 40 such KPIs, a small organisation library, take 2^40 steps: loading the
     * libraries (and with them the engine's activation, or an organisation's upload through REST) never ends.
     * Computation.figure follows refs the same way, without caching a ref's figure, so computing k-0 is just as
     * exponential once the check is fixed. Expected: accepted within a blink.
     */
    @Test
    void aLongChainOfDoubleRefsIsCheckedQuickly() {
        List<ObjectNode> kpis = new ArrayList<>();
        int levels = 40;
        for (int i = 0; i < levels - 1; i++) {
            kpis.add(kpi("k-" + i, "{\"plus\": [{\"ref\": \"k-%d\"}, {\"ref\": \"k-%d\"}]}".formatted(i + 1, i + 1)));
        }
        kpis.add(count("k-" + (levels - 1)));
        KpiLibrary library = library("eigen", kpis.toArray(ObjectNode[]::new));

        Libraries libraries = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Libraries.of(List.of(library)));

        assertThat(libraries.all()).hasSize(levels);
    }

    /**
     * Bug: a breakdown is not supported over a mean over activities (FormulaParser refuses {@code by} with a
     * {@code meanOver} measure, formula.breakdown), but the same formula written through a {@code ref} is accepted:
     * {@code {"ref": "tinten-13", "by": "activity.targetGroup"}}. Computation.meanOverActivities ignores the group,
     * so every target group then gets the organisation's mean of means (with the golden data: 89/12 for each of
     * jonge-moeders, nieuwkomers, jongeren, ouderen, mantelzorgers) instead of being refused.
     */
    @Test
    void aBreakdownOverARefToAMeanOverActivitiesIsRefused() {
        KpiLibrary own = library("eigen", kpi("per-doelgroep", """
                {"ref": "tinten-13", "by": "activity.targetGroup"}"""));
        List<KpiLibrary> libraries =
                new ArrayList<>(KpiEngineComponent.shipped().libraries());
        libraries.add(own);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> Libraries.of(libraries));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.errors()).extracting(error -> error.field()).containsExactly("eigen: kpis[0].formula");
    }

    /**
     * Bug: a breakdown must be on a field at least one aggregate's rows belong to (FormulaParser: formula.notReachable
     * for {@code {"count": "signal.id", "by": "activity.targetGroup"}}), but through a ref the check is skipped
     * ({@code checkBreakdown} only sees the formula's own aggregates, none here): {@code {"ref": "tinten-1", "by":
     * "activity.targetGroup"}} is accepted, and Computation gives every target group of the activities the count of
     * all signals in scope (golden data, organisation 2025: 8 for each of the five target groups).
     */
    @Test
    void aBreakdownOverARefThatCannotReachItIsRefused() {
        KpiLibrary own = library("eigen", kpi("signalen-per-doelgroep", """
                {"ref": "tinten-1", "by": "activity.targetGroup"}"""));
        List<KpiLibrary> libraries =
                new ArrayList<>(KpiEngineComponent.shipped().libraries());
        libraries.add(own);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> Libraries.of(libraries));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.errors()).extracting(error -> error.field()).containsExactly("eigen: kpis[0].formula");
    }

    /**
     * Bug: FormulaParser refuses a mean over activities of a mean over activities (formula.shape on {@code of}), but
     * not through a ref: {@code {"meanOver": "activity", "of": {"ref": "tinten-19"}}} is accepted, and because the
     * inner meanOver ignores the activity it is asked for, each activity gets tinten-19's whole figure: on the golden
     * data (organisation, 2025) 4.4 with n 7 and terms 30.8 / 7, where tinten-19 itself is 22/5 over 5 activities.
     */
    @Test
    void aMeanOverActivitiesOfARefToAMeanOverActivitiesIsRefused() {
        KpiLibrary own = library("eigen", kpi("gemiddeld-gemiddeld", """
                {"meanOver": "activity", "of": {"ref": "tinten-19"}}"""));
        List<KpiLibrary> libraries =
                new ArrayList<>(KpiEngineComponent.shipped().libraries());
        libraries.add(own);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> Libraries.of(libraries));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.errors()).extracting(error -> error.field()).containsExactly("eigen: kpis[0].formula");
    }
}
