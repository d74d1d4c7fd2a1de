package nl.meerwaarde.web.internal.report;

import java.util.Locale;
import java.util.Optional;

/** The file a KPI report is written as. */
public enum ReportFormat {
    PDF("application/pdf", "pdf"),
    CSV("text/csv;charset=UTF-8", "csv");

    private final String contentType;
    private final String extension;

    ReportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** {@code pdf} or {@code csv} (any case); empty for anything else. */
    public static Optional<ReportFormat> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (format.extension.equals(value)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
