package nl.meerwaarde.forms.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.meerwaarde.api.questionnaire.Questionnaire;

/** Test helpers: the shipped definitions and test definitions from the class path. */
final class Definitions {
    static final String SHIPPED = "/OSGI-INF/meerwaarde/questionnaires";

    private Definitions() {}

    static String text(String resource) {
        try (InputStream in = Definitions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Questionnaire parse(String resource) {
        return new JsonQuestionnaireParser().parse(text(resource));
    }

    static Path shippedFolder() {
        try {
            return Path.of(Definitions.class.getResource(SHIPPED).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> shippedFiles() {
        try (Stream<Path> files = Files.list(shippedFolder())) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Questionnaire> shipped() {
        JsonQuestionnaireParser parser = new JsonQuestionnaireParser();
        return shippedFiles().stream()
                .map(p -> {
                    try {
                        return parser.parse(Files.readString(p));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
