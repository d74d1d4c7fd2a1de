package nl.meerwaarde.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Vector;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

class CatalogTest {
    private final JsonQuestionnaireParser parser = new JsonQuestionnaireParser();

    @TempDir
    Path folder;

    private static String definition(String id, Object version, String title) {
        return """
                {"resourceType": "Questionnaire", "id": "%s", "version": %s, "title": "%s",
                 "item": [{"linkId": "vraag", "type": "boolean", "text": "Vraag?"}]}
                """.formatted(id, version instanceof String ? "\"" + version + "\"" : version, title);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void definitionsAreLoadedFromAFolder() throws IOException {
        write("a.json", definition("eigen-vragenlijst", 1, "Eigen"));
        write("b.json", definition("eigen-vragenlijst", "2", "Eigen, versie 2"));
        write("leesmij.txt", "not a definition");
        DefinitionFiles.Loaded loaded = DefinitionFiles.fromDirectory(folder, parser);
        assertThat(loaded.problems()).isEmpty();
        DefinitionRegistry registry = new DefinitionRegistry();
        assertThat(registry.add("folder", loaded.definitions())).isEmpty();
        assertThat(registry.all())
                .extracting(Questionnaire::ref)
                .containsExactly(
                        new QuestionnaireRef("eigen-vragenlijst", 1), new QuestionnaireRef("eigen-vragenlijst", 2));
        assertThat(registry.latest("eigen-vragenlijst"))
                .map(Questionnaire::title)
                .contains("Eigen, versie 2");
    }

    @Test
    void anInvalidFileIsSkippedWithItsNameAndReason() throws IOException {
        write("goed.json", definition("goed", 1, "Goed"));
        write("kapot.json", "{ niet af");
        write("fout.json", definition("fout", 1, "Fout").replace("boolean", "quantity"));
        Files.write(folder.resolve("latin1.json"), new byte[] {'{', (byte) 0xE9, '}'});
        DefinitionFiles.Loaded loaded = DefinitionFiles.fromDirectory(folder, parser);
        assertThat(loaded.definitions()).extracting(q -> q.ref().id()).containsExactly("goed");
        assertThat(loaded.problems()).hasSize(3);
        assertThat(loaded.problems())
                .anySatisfy(p -> assertThat(p).contains("kapot.json").contains("definition.json"));
        assertThat(loaded.problems())
                .anySatisfy(p -> assertThat(p).contains("fout.json").contains("item[0].type field.option"));
        assertThat(loaded.problems())
                .anySatisfy(p -> assertThat(p).contains("latin1.json").contains("not UTF-8"));
    }

    @Test
    void aMissingFolderIsReported() {
        DefinitionFiles.Loaded loaded = DefinitionFiles.fromDirectory(folder.resolve("bestaat-niet"), parser);
        assertThat(loaded.definitions()).isEmpty();
        assertThat(loaded.problems()).singleElement().asString().contains("bestaat-niet");
    }

    @Test
    void theSameVersionTwiceInOneSourceKeepsTheFirstFile() throws IOException {
        write("a.json", definition("dubbel", 1, "Eerste"));
        write("b.json", definition("dubbel", 1, "Tweede"));
        DefinitionFiles.Loaded loaded = DefinitionFiles.fromDirectory(folder, parser);
        assertThat(loaded.definitions()).extracting(Questionnaire::title).containsExactly("Eerste");
        assertThat(loaded.problems())
                .singleElement()
                .asString()
                .contains("b.json")
                .contains("a.json");
    }

    @Test
    void aConflictingSourceLosesToTheFirstAndTakesOverWhenTheFirstGoes() {
        Questionnaire first = parser.parse(definition("gedeeld", 1, "Van de bundel"));
        Questionnaire second = parser.parse(definition("gedeeld", 1, "Van de organisatie"));
        DefinitionRegistry registry = new DefinitionRegistry();
        assertThat(registry.add("bundle a", List.of(first))).isEmpty();
        List<String> conflicts = registry.add("organisation folder", List.of(second));
        assertThat(conflicts)
                .singleElement()
                .asString()
                .contains("gedeeld version 1")
                .contains("organisation folder")
                .contains("keeping the one from bundle a");
        assertThat(registry.find(new QuestionnaireRef("gedeeld", 1))).contains(first);
        registry.remove("bundle a");
        assertThat(registry.find(new QuestionnaireRef("gedeeld", 1))).contains(second);
    }

    @Test
    void theSameContentFromTwoSourcesIsNoConflict() {
        Questionnaire q = parser.parse(definition("gelijk", 1, "Gelijk"));
        DefinitionRegistry registry = new DefinitionRegistry();
        registry.add("a", List.of(q));
        assertThat(registry.add("b", List.of(parser.parse(definition("gelijk", "1", "Gelijk")))))
                .isEmpty();
        assertThat(registry.all()).hasSize(1);
    }

    @Test
    void publishingANewVersionLeavesTheOldOneFindableAndUnchanged() {
        DefinitionRegistry registry = new DefinitionRegistry();
        Questionnaire v1 = parser.parse(definition("impact-eigen", 1, "Versie 1"));
        registry.add("shipped", List.of(v1));
        registry.add("organisation folder", List.of(parser.parse(definition("impact-eigen", 2, "Versie 2"))));
        assertThat(registry.find(new QuestionnaireRef("impact-eigen", 1))).contains(v1);
        assertThat(registry.latest("impact-eigen")).map(q -> q.ref().version()).contains(2);
        assertThat(registry.latestVersions()).extracting(q -> q.ref().version()).containsExactly(2);
        assertThat(registry.all()).hasSize(2);
    }

    @Test
    void replacingASourceDropsWhatItNoLongerOffers() {
        DefinitionRegistry registry = new DefinitionRegistry();
        registry.add("organisation folder", List.of(parser.parse(definition("weg", 1, "Weg"))));
        registry.add("organisation folder", List.of());
        assertThat(registry.all()).isEmpty();
        assertThat(registry.latest("weg")).isEmpty();
    }

    @Test
    void aBundleOffersTheJsonFilesUnderItsHeaderFolder() {
        Bundle bundle = bundle("nl.meerwaarde.forms", Definitions.shippedFiles());
        DefinitionFiles.Loaded loaded =
                DefinitionFiles.fromBundle(bundle, "/" + Definitions.SHIPPED.substring(1), parser);
        assertThat(loaded.problems()).isEmpty();
        DefinitionRegistry registry = new DefinitionRegistry();
        registry.add(CatalogComponent.source(bundle), loaded.definitions());
        assertThat(registry.latestVersions())
                .extracting(q -> q.ref().id())
                .containsExactly(
                        "activiteit-registratie",
                        "effectenmonitor",
                        "impactmeting",
                        "positieve-gezondheid-demo",
                        "zrm-2017");
        registry.remove(CatalogComponent.source(bundle));
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void theCatalogInterfaceNamesTheHeaderThisBundleCarries() {
        assertThat(QuestionnaireCatalog.HEADER).isEqualTo("Meerwaarde-Questionnaires");
        assertThat(CatalogComponent.SHIPPED).isEqualTo(Definitions.SHIPPED.substring(1));
    }

    /** A bundle that answers only what the extender asks: its name, id, headers and entries. */
    private static Bundle bundle(String symbolicName, List<Path> files) {
        return (Bundle) Proxy.newProxyInstance(
                CatalogTest.class.getClassLoader(), new Class<?>[] {Bundle.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getSymbolicName":
                            return symbolicName;
                        case "getBundleId":
                            return 42L;
                        case "getHeaders":
                            Hashtable<String, String> headers = new Hashtable<>();
                            headers.put(QuestionnaireCatalog.HEADER, CatalogComponent.SHIPPED);
                            return headers;
                        case "findEntries":
                            assertThat(args[0]).isEqualTo(CatalogComponent.SHIPPED);
                            assertThat(args[1]).isEqualTo("*.json");
                            Vector<URL> urls = new Vector<>();
                            for (Path file : files) {
                                urls.add(file.toUri().toURL());
                            }
                            Collections.reverse(urls);
                            return urls.elements();
                        case "toString":
                            return symbolicName;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
