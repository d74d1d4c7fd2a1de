package nl.meerwaarde.forms.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.questionnaire.Questionnaire;
import nl.meerwaarde.api.questionnaire.QuestionnaireRef;
import nl.meerwaarde.forms.QuestionnaireCatalog;
import nl.meerwaarde.forms.QuestionnaireParser;
import org.osgi.framework.Bundle;

/**
 * Reads the {@code *.json} definitions of one source (a folder, or a bundle's folder named by its {@value
 * QuestionnaireCatalog#HEADER} header). A file that cannot be read or is not a valid definition is skipped, and
 * the reason is reported as one English sentence naming the file.
 */
final class DefinitionFiles {
    /** The definitions read and the problems met, one English sentence each. */
    record Loaded(List<Questionnaire> definitions, List<String> problems) {
        Loaded {
            definitions = List.copyOf(definitions);
            problems = List.copyOf(problems);
        }
    }

    @FunctionalInterface
    private interface Source {
        InputStream open() throws IOException;
    }

    private final QuestionnaireParser parser;
    private final List<Questionnaire> definitions = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<QuestionnaireRef, String> seen = new HashMap<>();

    private DefinitionFiles(QuestionnaireParser parser) {
        this.parser = parser;
    }

    /** Every {@code *.json} file directly inside {@code directory}, in name order. */
    static Loaded fromDirectory(Path directory, QuestionnaireParser parser) {
        DefinitionFiles files = new DefinitionFiles(parser);
        if (!Files.isDirectory(directory)) {
            files.problems.add("Questionnaire definitions directory " + directory + " does not exist or is not a"
                    + " directory; no organisation definitions loaded.");
            return files.loaded();
        }
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.json")) {
            stream.forEach(paths::add);
        } catch (IOException e) {
            files.problems.add("Could not list questionnaire definitions directory " + directory + ": " + e);
            return files.loaded();
        }
        paths.sort(Comparator.comparing(Path::toString));
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                files.read(path.toString(), () -> Files.newInputStream(path));
            }
        }
        return files.loaded();
    }

    /** Every {@code *.json} entry under the folder the bundle's header names (fragments included), in path order. */
    static Loaded fromBundle(Bundle bundle, String folder, QuestionnaireParser parser) {
        DefinitionFiles files = new DefinitionFiles(parser);
        String where = folder.trim();
        while (where.startsWith("/")) {
            where = where.substring(1);
        }
        Enumeration<URL> entries = bundle.findEntries(where.isEmpty() ? "/" : where, "*.json", true);
        List<URL> urls = entries == null ? List.of() : Collections.list(entries);
        List<URL> sorted = new ArrayList<>(urls);
        sorted.sort(Comparator.comparing(URL::getPath));
        String name = bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]";
        for (URL url : sorted) {
            files.read(name + " " + url.getPath(), url::openStream);
        }
        return files.loaded();
    }

    private void read(String name, Source source) {
        String json;
        try (InputStream in = source.open()) {
            byte[] bytes = in.readNBytes(QuestionnaireParser.MAX_DEFINITION_LENGTH * 4 + 1);
            if (bytes.length > QuestionnaireParser.MAX_DEFINITION_LENGTH * 4) {
                problems.add("Skipped questionnaire definition " + name + ": the file is too large.");
                return;
            }
            json = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add("Skipped questionnaire definition " + name + ": the file is not UTF-8 text.");
            return;
        } catch (IOException e) {
            problems.add("Skipped questionnaire definition " + name + ": it could not be read (" + e + ").");
            return;
        }
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1);
        }
        Questionnaire definition;
        try {
            definition = parser.parse(json);
        } catch (InvalidInputException e) {
            problems.add("Skipped questionnaire definition " + name + ": " + describe(e) + ".");
            return;
        }
        String earlier = seen.putIfAbsent(definition.ref(), name);
        if (earlier != null) {
            problems.add("Skipped questionnaire definition " + name + ": "
                    + DefinitionRegistry.describe(definition.ref()) + " is already defined by " + earlier + ".");
            return;
        }
        definitions.add(definition);
    }

    static String describe(InvalidInputException e) {
        return e.errors().stream()
                .map(error -> (error.field() + " " + error.code() + " " + error.arguments()).trim())
                .collect(Collectors.joining("; "));
    }

    private Loaded loaded() {
        return new Loaded(definitions, problems);
    }
}
