package nl.meerwaarde.web.internal;

import static nl.meerwaarde.web.internal.Html.escape;

/**
 * A problem as a small HTML page, for a browser that asked for a page but cannot get the shell around it (the
 * host's login service is missing or failed): the status title as heading and the detail, in the request's
 * language. No stack trace, nothing about the failure beyond the incident id.
 */
public final class ProblemPage {
    private ProblemPage() {}

    public static String html(Problem problem, Messages messages, String contextPath) {
        StringBuilder html = new StringBuilder(1024)
                .append("<!DOCTYPE html>\n<html lang=\"")
                .append(escape(messages.locale().toLanguageTag()))
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(messages.get("layout.title", problem.title())))
                .append("</title>\n<link rel=\"stylesheet\" href=\"")
                .append(escape(contextPath + "/static/meerwaarde.css"))
                .append("\">\n</head>\n<body>\n<main id=\"main\">\n<h1>")
                .append(escape(problem.title()))
                .append("</h1>\n");
        if (problem.detail() != null) {
            html.append("<p>").append(escape(problem.detail())).append("</p>\n");
        }
        return html.append("</main>\n</body>\n</html>\n").toString();
    }
}
