package nl.meerwaarde.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.Period;
import nl.meerwaarde.api.Scope;
import nl.meerwaarde.api.kpi.KpiLibraries.LibraryInfo;
import nl.meerwaarde.api.kpi.KpiLibraries.Origin;
import nl.meerwaarde.importer.internal.GoldenData;
import nl.meerwaarde.store.internal.JdbcKpiLibraryStore;
import nl.meerwaarde.store.internal.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An organisation's own KPI libraries: published through the engine (kept in the real store) or read from a folder,
 * each checked alone and with all others, and computed like the shipped ones.
 */
class OrganisationLibrariesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private KpiEngineComponent engine;

    @BeforeEach
    void goldenDataAndAStore() throws IOException {
        DataSource dataSource = Databases.H2.create();
        GoldenData.load(dataSource, Path.of("../../docs/examples/kpi-golden.json"));
        engine = new KpiEngineComponent(
                Databases.H2.reporting(dataSource),
                KpiEngineComponent.shipped(),
                null,
                new JdbcKpiLibraryStore(new MigratedDatabase(dataSource)),
                CLOCK);
    }

    static String library(String id, String kpis) {
        return """
                {"format": "meerwaarde-kpi-library", "formatVersion": 1, "id": "%s", "name": "Eigen KPI's",
                 "description": "KPI's van Welzijn Emmen.", "kpis": [%s]}""".formatted(id, kpis);
    }

    static String kpi(String id, String formula) {
        return """
                {"id": "%s", "name": "Eigen KPI %s", "description": "Voor de gemeente.", "level": "output",
                 "unit": "count", "source": "registrations", "formula": %s}""".formatted(id, id, formula);
    }

    @Test
    void aPublishedLibraryIsInUseAndComputedLikeTheShippedOnes() {
        LibraryInfo info = engine.publish(
                library("emmen", kpi("emmen-beantwoord-ouderen", """
                        {"count": "signal.id", "where": [{"field": "signal.answered", "is": true}]}""") + "," + kpi("emmen-aandeel", """
                        {"ratio": {"of": {"ref": "emmen-beantwoord-ouderen"}, "to": {"ref": "tinten-1"}}}""")),
                "worker:mdw-joost");

        assertThat(info)
                .isEqualTo(new LibraryInfo(
                        "emmen",
                        "Eigen KPI's",
                        "KPI's van Welzijn Emmen.",
                        Origin.PUBLISHED,
                        2,
                        java.util.Optional.of(CLOCK.instant()),
                        java.util.Optional.of("worker:mdw-joost")));
        assertThat(engine.libraries())
                .extracting(LibraryInfo::id)
                .containsExactly("tinten", "sector-model", "instrument-outcomes", "emmen");
        assertThat(engine.definition("emmen-aandeel")).isPresent();
        var result = engine.compute(List.of("emmen-aandeel"), new Scope.OrganisationScope(), Period.year(2025));
        assertThat(result.get(0).values().get(0).exact()).isEmpty();
        assertThat(result.get(0).values().get(0).value().orElseThrow()).isEqualByComparingTo("0.625");
    }

    @Test
    void aLibraryThatDoesNotFitIsRefusedWithItsProblemsAndNothingChanges() {
        InvalidInputException shippedId = catchThrowableOfType(
                InvalidInputException.class,
                () -> engine.publish(library("tinten", kpi("eigen-1", "{\"count\": \"signal.id\"}")), "worker:x"));
        InvalidInputException clash = catchThrowableOfType(
                InvalidInputException.class,
                () -> engine.publish(library("emmen", kpi("tinten-1", "{\"count\": \"signal.id\"}")), "worker:x"));
        InvalidInputException nowhere = catchThrowableOfType(
                InvalidInputException.class,
                () -> engine.publish(library("emmen", kpi("eigen-1", "{\"ref\": \"tinten-99\"}")), "worker:x"));
        InvalidInputException notJson =
                catchThrowableOfType(InvalidInputException.class, () -> engine.publish("{\"format\": ", "worker:x"));

        assertThat(shippedId.errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("id kpi.libraryReadOnly");
        assertThat(clash.errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("emmen: kpis[0].id kpi.duplicate");
        assertThat(nowhere.errors())
                .extracting(e -> e.field() + " " + e.code())
                .containsExactly("emmen: kpis[0].formula formula.unknownRef");
        assertThat(notJson.errors()).extracting(e -> e.code()).containsExactly("field.type");
        assertThat(engine.libraries()).extracting(LibraryInfo::id).doesNotContain("emmen");
    }

    @Test
    void aLibraryOthersReferToCannotBeRemoved() {
        engine.publish(library("basis", kpi("basis-signalen", "{\"count\": \"signal.id\"}")), "worker:x");
        engine.publish(library("afgeleid", kpi("afgeleid-dubbel", """
                {"plus": [{"ref": "basis-signalen"}, {"ref": "basis-signalen"}]}""")), "worker:x");

        InvalidInputException used = catchThrowableOfType(InvalidInputException.class, () -> engine.remove("basis"));
        assertThat(used.errors()).extracting(e -> e.code()).containsOnly("formula.unknownRef");

        assertThat(engine.remove("afgeleid")).isTrue();
        assertThat(engine.remove("basis")).isTrue();
        assertThat(engine.remove("basis")).isFalse();
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> engine.remove("tinten")))
                .isNotNull();
    }

    @Test
    void theFoldersValidLibrariesAreReadAndAnInvalidOneIsLeftOut() throws IOException {
        Files.writeString(
                dir.resolve("a-goed.json"), library("map-goed", kpi("map-signalen", "{\"count\": \"signal.id\"}")));
        Files.writeString(
                dir.resolve("b-kapot.json"), library("map-kapot", kpi("map-fout", "{\"count\": \"mw_signal\"}")));
        Files.writeString(
                dir.resolve("c-botst.json"), library("map-botst", kpi("tinten-4", "{\"count\": \"signal.id\"}")));
        Files.writeString(dir.resolve("leesmij.txt"), "geen bibliotheek");

        engine.modified(folder(dir.toString()));

        assertThat(engine.libraries())
                .filteredOn(info -> info.origin() == Origin.FOLDER)
                .extracting(LibraryInfo::id)
                .containsExactly("map-goed");
        assertThat(engine.compute(List.of("map-signalen"), new Scope.OrganisationScope(), Period.year(2025))
                        .get(0)
                        .values()
                        .get(0)
                        .value())
                .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo("8"));
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> engine.remove("map-goed")))
                .isNotNull();

        engine.modified(folder(""));
        assertThat(engine.definition("map-signalen")).isEmpty();
    }

    private static KpiEngineComponent.Config folder(String directory) {
        return new KpiEngineComponent.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return KpiEngineComponent.Config.class;
            }

            @Override
            public String librariesDirectory() {
                return directory;
            }

            @Override
            public boolean maintainedAggregates() {
                return true;
            }
        };
    }
}
