package nl.meerwaarde.importer.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON document {@code {"format": "meerwaarde-registrations", "version": 1, "signals": [...],
 * "activities": [...], "participations": [...]}} as a stream: one record at a time is held as a tree, checked and
 * kept only as its domain record. A syntax error ends the reading (errors found before it are kept); so does a
 * file that is not UTF-8: it is decoded strictly (a UTF-8 byte order mark is skipped), so invalid UTF-8, and UTF-16
 * or UTF-32, which Jackson would otherwise detect and accept, are refused ({@code file.encoding}).
 */
final class JsonInput {
    static final String FORMAT = "meerwaarde-registrations";
    static final int VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * What a syntax error is, by the start of Jackson's message (its kind; the rest of the message may quote the
     * file, which can hold personal data, so it is never passed on).
     */
    private static final List<Map.Entry<String, String>> SYNTAX_KINDS = List.of(
            Map.entry("Unexpected character", "an unexpected character"),
            Map.entry("Unexpected close marker", "a closing bracket that does not match"),
            Map.entry("Unrecognized token", "a word that is not true, false, null, a number or a quoted text"),
            Map.entry("Unrecognized character escape", "an unknown escape after a backslash in a text"),
            Map.entry("Illegal unquoted character", "a control character in a text (it must be escaped)"),
            Map.entry("Illegal character", "a control character outside a text"),
            Map.entry("Duplicate field", "a field given twice in one object"),
            Map.entry("Invalid numeric value", "a malformed number"),
            Map.entry("Leading zeroes", "a number with leading zeroes"),
            Map.entry("Non-standard token", "a number that is not allowed (NaN or infinity)"),
            Map.entry("Unexpected end-of-input", "the file ends too early"));

    /** How many bytes are looked at first: a JSON document in UTF-16 or UTF-32 has a zero byte among them. */
    private static final int ENCODING_PROBE = 4;

    void read(InputStream in, ImportRun run) throws IOException {
        BufferedInputStream bytes = new BufferedInputStream(in);
        bytes.mark(ENCODING_PROBE);
        byte[] first = bytes.readNBytes(ENCODING_PROBE);
        bytes.reset();
        for (byte b : first) {
            if (b == 0) {
                run.stop(0, Codes.FILE_ENCODING);
                return;
            }
        }
        Reader reader = new BufferedReader(new InputStreamReader(
                bytes,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            read(reader, run);
        } catch (CharacterCodingException e) {
            run.stop(0, Codes.FILE_ENCODING);
        }
    }

    private void read(Reader in, ImportRun run) throws IOException {
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
            if (e.getCause() instanceof CharacterCodingException encoding) {
                throw encoding;
            }
            syntax(run, e.getLocation(), describe(e));
        }
    }

    /** A fixed English description of the kind of error, without anything of the file. */
    static String describe(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return "the file ends too early";
        }
        if (e instanceof InputCoercionException) {
            return "a number out of range";
        }
        if (e instanceof StreamConstraintsException) {
            return "a value too long or nested too deeply";
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        return SYNTAX_KINDS.stream()
                .filter(kind -> message.startsWith(kind.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("not well-formed JSON");
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
