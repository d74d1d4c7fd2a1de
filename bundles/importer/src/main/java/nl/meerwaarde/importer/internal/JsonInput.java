package nl.meerwaarde.importer.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the JSON document {@code {"format": "meerwaarde-registrations", "version": 1, "signals": [...],
 * "activities": [...], "participations": [...]}} as a stream: one record at a time is held as a tree, checked and
 * kept only as its domain record. A syntax error ends the reading (errors found before it are kept).
 */
final class JsonInput {
    static final String FORMAT = "meerwaarde-registrations";
    static final int VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    void read(InputStream in, ImportRun run) throws IOException {
        ErrorList errors = run.errors();
        try (JsonParser parser = mapper.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                syntax(run, parser.currentTokenLocation(), "a JSON object was expected");
                return;
            }
            boolean format = false;
            boolean version = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                int line = parser.currentTokenLocation().getLineNr();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "format" -> {
                        format = true;
                        if (value != JsonToken.VALUE_STRING || !FORMAT.equals(parser.getText())) {
                            errors.add(line, null, name, Codes.OPTION);
                        }
                        parser.skipChildren();
                    }
                    case "version" -> {
                        version = true;
                        if (value != JsonToken.VALUE_NUMBER_INT || parser.getValueAsInt() != VERSION) {
                            errors.add(line, null, name, Codes.OPTION);
                        }
                        parser.skipChildren();
                    }
                    case "signals" -> {
                        if (!records(parser, Kind.SIGNAL, run)) {
                            return;
                        }
                    }
                    case "activities" -> {
                        if (!records(parser, Kind.ACTIVITY, run)) {
                            return;
                        }
                    }
                    case "participations" -> {
                        if (!records(parser, Kind.PARTICIPATION, run)) {
                            return;
                        }
                    }
                    default -> {
                        errors.add(line, null, name, Bsn.looksLike(name) ? Codes.FORBIDDEN : Codes.UNKNOWN);
                        parser.skipChildren();
                    }
                }
            }
            if (parser.nextToken() != null) {
                syntax(run, parser.currentTokenLocation(), "nothing may follow the document");
            }
            if (!format) {
                errors.add(1, null, "format", Codes.REQUIRED);
            }
            if (!version) {
                errors.add(1, null, "version", Codes.REQUIRED);
            }
        } catch (JsonProcessingException e) {
            syntax(run, e.getLocation(), e.getOriginalMessage());
        }
    }

    /** Reads one array of records; false when the reading must stop (too many records). */
    private static boolean records(JsonParser parser, Kind kind, ImportRun run) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return true;
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            run.errors().add(parser.currentTokenLocation().getLineNr(), null, kind.arrayName, Codes.TYPE);
            parser.skipChildren();
            return true;
        }
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int line = parser.currentTokenLocation().getLineNr();
            JsonNode node = parser.readValueAsTree();
            String prefix = kind.arrayName + "[" + index++ + "]";
            Where where = run.where(line, field -> field.isEmpty() ? prefix : prefix + "." + field, false, false);
            if (!run.accept(kind, node == null ? NullNode.getInstance() : node, where)) {
                return false;
            }
        }
        return true;
    }

    private static void syntax(ImportRun run, JsonLocation location, String description) {
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null ? 0 : Math.max(0, location.getColumnNr());
        run.stop(line, Codes.FILE_SYNTAX, line, column, description);
    }
}
