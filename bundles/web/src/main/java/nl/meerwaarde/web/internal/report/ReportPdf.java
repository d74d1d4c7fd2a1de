package nl.meerwaarde.web.internal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import nl.meerwaarde.api.kpi.KpiDefinition;
import nl.meerwaarde.api.kpi.KpiSource;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.web.internal.Messages;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A report as an A4 PDF: a heading with the organisation, the funder, the scope and the period; per KPI its name,
 * description and unit and a table of its figures (group, value, n, known and anonymous), and its quotes; on every
 * page a footer with the generation time and the warning about small n. Text is wrapped to the column it is in;
 * a table that does not fit goes on over the next page with its header repeated.
 *
 * <p>Only the standard 14 fonts (Helvetica) are used, in WinAnsiEncoding: nothing is embedded, the files stay small,
 * and every character of Dutch (ë, é, ï, ü, €, typographic quotes) is covered. A character outside it (a Turkish ş
 * in a resident's quote, an emoji) is written without its accent where that gives a covered letter, else as
 * {@code ?}: the PDF never fails on a name.
 */
public final class ReportPdf {
    /** Below this n a figure is marked: it rests on few people or things. */
    public static final int SMALL_N = 10;

    private static final float MARGIN = 56;
    private static final float BOTTOM = 72;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float TEXT = 9.5f;
    private static final float LEADING = 12.5f;
    private static final float[] COLUMNS = {0, 215, 305, 365};
    private static final float[] COLUMN_WIDTHS = {205, 90, 60, WIDTH - 365};

    private final PDDocument document;
    private final Messages messages;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDFont italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    private final Map<PDFont, Map<Integer, Boolean>> covered = new HashMap<>();
    private final DecimalFormat shown;
    private final DecimalFormat whole;
    private PDPageContentStream content;
    private float y;
    /** Whether nothing but a table header is on the page yet: a row is then drawn even if it is too tall for it. */
    private boolean fresh;

    private ReportPdf(PDDocument document, Messages messages) {
        this.document = document;
        this.messages = messages;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(messages.locale());
        this.shown = new DecimalFormat("#,##0.#", symbols);
        this.shown.setRoundingMode(RoundingMode.HALF_UP);
        this.whole = new DecimalFormat("#,##0", symbols);
    }

    public static byte[] write(Report report, Locale locale, DoubleConsumer progress) {
        try (PDDocument document = new PDDocument()) {
            ReportPdf pdf = new ReportPdf(document, Messages.of(locale));
            pdf.report(report, progress);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32768);
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void report(Report report, DoubleConsumer progress) throws IOException {
        String title = messages.get("report.title", report.set());
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(title);
        information.setAuthor(report.organisation());
        information.setCreator("Meerwaarde");
        information.setCreationDate(GregorianCalendar.from(report.generated()));
        document.getDocumentCatalog().setLanguage(messages.locale().toLanguageTag());
        newPage();
        if (!report.organisation().isEmpty()) {
            paragraph(report.organisation(), bold, 11, 14, 0, WIDTH);
        }
        paragraph(title, bold, 18, 22, 0, WIDTH);
        if (report.funder().isPresent()) {
            line(messages.get("report.pdf.funder", report.funder().get()));
        }
        line(messages.get("report.pdf.scope", report.scope()));
        line(messages.get("report.pdf.period", report.period()));
        y -= 10;
        int done = 0;
        for (Report.Kpi kpi : report.kpis()) {
            kpi(kpi, report.period());
            done++;
            progress.accept((double) done / Math.max(1, report.kpis().size()));
        }
        if (!report.notComputed().isEmpty()) {
            ensure(3 * LEADING);
            paragraph(messages.get("report.pdf.notComputed"), bold, 12, 16, 0, WIDTH);
            for (KpiDefinition definition : report.notComputed()) {
                paragraph(
                        "• " + definition.name() + " (" + messages.get(source(definition.source())) + ")",
                        regular,
                        TEXT,
                        LEADING,
                        8,
                        WIDTH - 8);
            }
        }
        content.close();
        footers(report);
    }

    private void line(String text) throws IOException {
        paragraph(text, regular, 10.5f, 14, 0, WIDTH);
    }

    private void kpi(Report.Kpi kpi, String period) throws IOException {
        // keep the heading with the table's header and first row
        ensure(22 + 2 * LEADING + 3 * (LEADING + 4));
        y -= 8;
        paragraph(kpi.definition().name(), bold, 12.5f, 16, 0, WIDTH);
        paragraph(kpi.definition().description(), regular, TEXT, LEADING, 0, WIDTH);
        paragraph(messages.get("report.pdf.unit", kpi.unit()), italic, TEXT, LEADING, 0, WIDTH);
        y -= 4;
        String[] header = {
            kpi.groupHeader().orElse(messages.get("dashboard.col.period")),
            messages.get("dashboard.col.value"),
            "n",
            messages.get("report.pdf.parts")
        };
        row(header, bold, true);
        for (Report.Figure figure : kpi.figures()) {
            KpiValue value = figure.value();
            String[] cells = {
                figure.group().orElse(period),
                value.value().map(this::shown).orElse(messages.get("dashboard.noValue")),
                whole.format(value.n()) + (value.n() < SMALL_N ? " *" : ""),
                value.composition()
                        .map(parts -> messages.get(
                                "report.pdf.composition", whole.format(parts.known()), whole.format(parts.anonymous())))
                        .orElse("")
            };
            if (row(cells, regular, false)) {
                row(header, bold, true);
                row(cells, regular, false);
            }
        }
        y -= 6;
        if (kpi.definition().quotes()) {
            for (Report.Figure figure : kpi.figures()) {
                if (figure.value().quotes().isEmpty()) {
                    continue;
                }
                ensure(2 * LEADING + 4);
                paragraph(
                        messages.get(
                                "dashboard.quotes",
                                figure.group().orElse(""),
                                figure.value().quotes().size()),
                        bold,
                        TEXT,
                        LEADING,
                        0,
                        WIDTH);
                for (String quote : figure.value().quotes()) {
                    paragraph("“" + quote.strip() + "”", italic, TEXT, LEADING, 12, WIDTH - 12);
                }
                y -= 4;
            }
        }
    }

    private String shown(BigDecimal value) {
        return shown.format(value.setScale(1, RoundingMode.HALF_UP));
    }

    /**
     * One table row, its cells wrapped to their columns, with a rule under it.
     *
     * @return whether the row did not fit and a new page was started instead (the caller repeats the header)
     */
    private boolean row(String[] cells, PDFont font, boolean header) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> wrapped = wrap(cells[i], font, TEXT, COLUMN_WIDTHS[i] - 6);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        float rowHeight = height * LEADING + 5;
        if (y - rowHeight < BOTTOM && !(fresh && !header)) {
            newPage();
            if (!header) {
                return true;
            }
        }
        fresh = fresh && header;
        float top = y;
        for (int i = 0; i < cells.length; i++) {
            float lineY = top - LEADING + 2;
            boolean numeric = i == 1 || i == 2;
            for (String text : lines.get(i)) {
                float x = MARGIN + COLUMNS[i];
                if (numeric) {
                    x = MARGIN + COLUMNS[i] + COLUMN_WIDTHS[i] - 6 - width(text, font, TEXT);
                }
                text(text, font, TEXT, x, lineY);
                lineY -= LEADING;
            }
        }
        y = top - rowHeight;
        content.setLineWidth(header ? 0.8f : 0.3f);
        content.moveTo(MARGIN, y + 2);
        content.lineTo(MARGIN + WIDTH, y + 2);
        content.stroke();
        return false;
    }

    /** A paragraph, wrapped, going on over pages. */
    private void paragraph(String text, PDFont font, float size, float leading, float indent, float width)
            throws IOException {
        for (String line : wrap(text, font, size, width)) {
            if (y - leading < BOTTOM) {
                newPage();
            }
            text(line, font, size, MARGIN + indent, y - leading + 3);
            y -= leading;
            fresh = false;
        }
    }

    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
        fresh = true;
    }

    private void text(String text, PDFont font, float size, float x, float at) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, at);
        content.showText(text);
        content.endText();
    }

    /** The generation time, the warning about small n and the page number on every page. */
    private void footers(Report report) throws IOException {
        String made = messages.get(
                "report.pdf.generated",
                DateTimeFormatter.ofPattern("d MMMM uuuu HH:mm", messages.locale())
                        .format(report.generated()));
        String careful = messages.get("report.pdf.smallN", SMALL_N);
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(
                    document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                content = footer;
                content.setLineWidth(0.3f);
                content.moveTo(MARGIN, BOTTOM - 12);
                content.lineTo(MARGIN + WIDTH, BOTTOM - 12);
                content.stroke();
                String page = messages.get("report.pdf.page", i + 1, pages);
                text(safe(made, regular), regular, 8, MARGIN, BOTTOM - 24);
                text(safe(page, regular), regular, 8, MARGIN + WIDTH - width(page, regular, 8), BOTTOM - 24);
                float at = BOTTOM - 35;
                for (String line : wrap(careful, italic, 8, WIDTH)) {
                    text(line, italic, 8, MARGIN, at);
                    at -= 10;
                }
            }
        }
        content = null;
    }

    private static String source(KpiSource source) {
        return switch (source) {
            case EXTERNAL_FIGURES -> "dashboard.source.external";
            case INSTRUMENT_MEASUREMENTS -> "dashboard.source.instruments";
            case REGISTRATIONS -> "dashboard.source.registrations";
        };
    }

    // ---------------------------------------------------------------- text

    /** The text in lines no wider than the width; a word wider than the width is broken. */
    List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(text, font).split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(word, font, size) > width) {
                int cut = word.length() - 1;
                while (cut > 1 && width(word.substring(0, cut), font, size) > width) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * The text with white space made single spaces and every character the font cannot write replaced: by the letter
     * without its accent where that one is covered, else by {@code ?}.
     */
    String safe(String text, PDFont font) {
        Map<Integer, Boolean> known = covered.computeIfAbsent(font, key -> new HashMap<>());
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                out.append(' ');
            } else if (known.computeIfAbsent(c, key -> covers(font, key))) {
                out.appendCodePoint(c);
            } else {
                String base = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "");
                if (!base.isEmpty()
                        && base.codePoints().allMatch(b -> known.computeIfAbsent(b, key -> covers(font, key)))) {
                    out.append(base);
                } else {
                    out.append('?');
                }
            }
        });
        return out.toString();
    }

    private static boolean covers(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
