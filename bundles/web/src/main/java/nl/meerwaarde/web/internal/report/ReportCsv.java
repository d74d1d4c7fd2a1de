package nl.meerwaarde.web.internal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import nl.meerwaarde.api.kpi.KpiValue;
import nl.meerwaarde.web.internal.Messages;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * A report as CSV: one row per figure. UTF-8 with a byte order mark and semicolons between the fields, because that
 * is what Excel with Dutch settings opens correctly on a double click (without the mark it reads the file as
 * Windows-1252 and garbles ë and €; with commas it puts each line in one cell, as the Dutch list separator is the
 * semicolon). LibreOffice and every CSV library read it as well. Lines end with CRLF (RFC 4180).
 *
 * <p>The value is a plain decimal with a point, for other programs; the column after it has the same value in the
 * reader's notation (a decimal comma in Dutch), which Excel with Dutch settings reads as a number where it would read
 * {@code 42.5} as text or as a date. The quotes of KPI 15 are not in the CSV: they are free text from residents
 * (names, line breaks), belong with the figure they explain rather than in a column of a table that is meant for
 * calculation, and are in the PDF. Text that Excel would take for a formula ({@code =}, {@code +}, {@code -}, {@code
 * @} first) gets an apostrophe in front (CSV injection).
 */
public final class ReportCsv {
    /** The header keys, in column order. */
    static final List<String> COLUMNS = List.of(
            "kpi",
            "name",
            "unit",
            "group",
            "groupCode",
            "value",
            "valueLocal",
            "exact",
            "n",
            "numerator",
            "denominator",
            "known",
            "anonymous");

    private ReportCsv() {}

    public static byte[] write(Report report, Locale locale, DoubleConsumer progress) {
        Messages messages = Messages.of(locale);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL)
                .setHeader(COLUMNS.stream()
                        .map(column -> messages.get("report.csv." + column))
                        .toArray(String[]::new))
                .get();
        DecimalFormat local = new DecimalFormat("0", DecimalFormatSymbols.getInstance(messages.locale()));
        local.setMaximumFractionDigits(KpiValue.SCALE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        try {
            // the byte order mark before the header, which the printer writes when it is made
            writer.write('\uFEFF');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (CSVPrinter csv = new CSVPrinter(writer, format)) {
            int done = 0;
            for (Report.Kpi kpi : report.kpis()) {
                for (Report.Figure figure : kpi.figures()) {
                    KpiValue value = figure.value();
                    csv.printRecord(
                            kpi.definition().id(),
                            text(kpi.definition().name()),
                            text(kpi.unit()),
                            text(figure.group().orElse("")),
                            text(figure.groupCode().orElse("")),
                            value.value().map(ReportCsv::plain).orElse(""),
                            value.value().map(local::format).orElse(""),
                            value.exact().orElse(""),
                            value.n(),
                            value.terms().map(KpiValue.Terms::numerator).orElse(""),
                            value.terms().map(KpiValue.Terms::denominator).orElse(""),
                            value.composition()
                                    .map(parts -> String.valueOf(parts.known()))
                                    .orElse(""),
                            value.composition()
                                    .map(parts -> String.valueOf(parts.anonymous()))
                                    .orElse(""));
                }
                done++;
                progress.accept((double) done / report.kpis().size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** Free text with an apostrophe in front when Excel would take it for a formula. */
    static String text(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
