package nl.meerwaarde.importer.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file of one kind of record: UTF-8 (a byte order mark is skipped), RFC 4180 quoting, a header row
 * naming the columns ({@link CsvColumns}), separated by commas, or by semicolons as Dutch spreadsheets write them
 * (then a decimal comma is accepted too); the separator is the one the header row uses most. Blank lines are
 * skipped. A syntax error (an unclosed quote) ends the reading.
 */
final class CsvInput {
    /** How far the header row is looked at to choose the separator. */
    private static final int HEADER_LOOKAHEAD = 64 * 1024;

    void read(InputStream in, Kind kind, ImportRun run) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
        ErrorList errors = run.errors();
        try {
            skipByteOrderMark(reader);
            char delimiter = delimiter(reader);
            CSVFormat format = CSVFormat.RFC4180
                    .builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .get();
            try (CSVParser parser =
                    CSVParser.builder().setReader(reader).setFormat(format).get()) {
                records(parser, kind, run, delimiter == ';');
            }
        } catch (UncheckedIOException e) {
            failure(run, e.getCause());
        } catch (CharacterCodingException | CSVException e) {
            failure(run, e);
        }
    }

    private static void failure(ImportRun run, IOException cause) throws IOException {
        if (cause instanceof CSVException syntax) {
            run.stop(0, Codes.FILE_SYNTAX, 0, 0, describe(syntax));
        } else if (cause instanceof CharacterCodingException) {
            run.stop(0, Codes.FILE_ENCODING);
        } else {
            throw cause;
        }
    }

    /**
     * A fixed English description of the kind of syntax error: Commons CSV's message is not passed on, so that no
     * part of the file (which may hold personal data) ever ends up in a report or a log.
     */
    static String describe(CSVException syntax) {
        String message = syntax.getMessage() == null ? "" : syntax.getMessage();
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted value is not closed";
        }
        if (message.contains("between encapsulated token and delimiter")) {
            return "a character between a closing quote and the separator (write a quote in a value as \"\")";
        }
        return "not well-formed CSV";
    }

    private static void records(CSVParser parser, Kind kind, ImportRun run, boolean semicolons) throws IOException {
        Iterator<CSVRecord> rows = parser.iterator();
        ErrorList errors = run.errors();
        if (!rows.hasNext()) {
            errors.add(1, null, null, Codes.FILE_HEADER);
            return;
        }
        List<Optional<CsvColumns.Column>> header = header(rows.next(), kind, errors);
        if (header == null) {
            return;
        }
        while (true) {
            int line = (int) parser.getCurrentLineNumber() + 1;
            CSVRecord row;
            try {
                if (!rows.hasNext()) {
                    return;
                }
                row = rows.next();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CSVException syntax) {
                    run.stop(line, Codes.FILE_SYNTAX, line, 0, describe(syntax));
                    return;
                }
                throw e;
            }
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            List<String> values = row.toList();
            Map<CsvColumns.Column, String> cells = CsvColumns.cells(header, values);
            String key = cells.entrySet().stream()
                    .filter(cell -> cell.getKey().name().equals("key"))
                    .map(cell -> cell.getValue().strip())
                    .findFirst()
                    .orElse(null);
            Where where = run.where(line, field -> CsvColumns.columnOf(kind, field), true, semicolons)
                    .withKey(key);
            if (values.size() > header.size()) {
                where.error("", Codes.CSV_COLUMNS, header.size(), values.size());
            }
            if (!run.accept(kind, CsvColumns.record(cells), where)) {
                return;
            }
        }
    }

    /**
     * The header row's columns, checked: unknown, repeated and BSN-like names are reported; null when the reading
     * cannot go on (no known column at all, or a required column missing).
     */
    private static List<Optional<CsvColumns.Column>> header(CSVRecord row, Kind kind, ErrorList errors) {
        List<Optional<CsvColumns.Column>> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String cell : row) {
            String name = cell.strip();
            Optional<CsvColumns.Column> column = CsvColumns.named(kind, name);
            if (Bsn.looksLike(name)) {
                errors.add(1, null, name, Codes.FORBIDDEN);
                column = Optional.empty();
            } else if (column.isEmpty()) {
                errors.add(1, null, name, Codes.UNKNOWN);
            } else if (!seen.add(name)) {
                errors.add(1, null, name, Codes.INVALID);
                column = Optional.empty();
            }
            header.add(column);
        }
        if (header.stream().allMatch(Optional::isEmpty)) {
            errors.add(1, null, null, Codes.FILE_HEADER);
            return null;
        }
        boolean complete = true;
        for (String required : CsvColumns.required(kind)) {
            if (!seen.contains(required)) {
                errors.add(1, null, required, Codes.REQUIRED);
                complete = false;
            }
        }
        return complete ? header : null;
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** {@code ;} when the header row has more semicolons than commas (outside quotes), else {@code ,}. */
    private static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(HEADER_LOOKAHEAD);
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < HEADER_LOOKAHEAD; i++) {
            int c = reader.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        reader.reset();
        return semicolons > commas ? ';' : ',';
    }
}
