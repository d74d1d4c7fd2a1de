package nl.meerwaarde.web.internal.screens;

import static nl.meerwaarde.web.internal.Html.escape;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.meerwaarde.api.CollectiveActivity;
import nl.meerwaarde.api.Signal;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.TeamNames;

/** The tables of the signals and activities screens: a caption, column headers, every value escaped. */
final class Tables {
    private Tables() {}

    static String signals(List<Signal> signals, Messages messages) {
        if (signals.isEmpty()) {
            return Layout.paragraph(messages.get("signals.none"));
        }
        StringBuilder html = open("signals-caption", messages.get("signals.caption"));
        header(
                html,
                messages.get("signals.col.date"),
                messages.get("signals.col.type"),
                messages.get("signals.col.targetGroups"),
                messages.get("signals.col.referrer"),
                messages.get("signals.col.answered"));
        for (Signal signal : signals) {
            html.append("<tr><td>")
                    .append(date(signal.registeredOn(), messages))
                    .append("</td><td>")
                    .append(escape(signal.type()))
                    .append("</td><td>")
                    .append(escape(list(signal.targetGroups())))
                    .append("</td><td>")
                    .append(escape(
                            signal.referrer() == null || signal.referrer().isBlank()
                                    ? messages.get("common.unknown")
                                    : signal.referrer()))
                    .append("</td><td>")
                    .append(escape(messages.get(signal.answered() ? "common.yes" : "common.no")))
                    .append("</td></tr>\n");
        }
        return close(html);
    }

    static String activities(List<CollectiveActivity> activities, Messages messages, TeamNames teams, Links links) {
        if (activities.isEmpty()) {
            return Layout.paragraph(messages.get("activities.none"));
        }
        StringBuilder html = open("activities-caption", messages.get("activities.caption"));
        header(
                html,
                messages.get("activities.col.title"),
                messages.get("activities.col.stage"),
                messages.get("activities.col.targetGroups"),
                messages.get("activities.col.startsOn"),
                messages.get("activities.col.team"));
        for (CollectiveActivity activity : activities) {
            html.append("<tr><th scope=\"row\"><a href=\"")
                    .append(escape(links.href(ActivityPages.detailPath(activity.id()))))
                    .append("\">")
                    .append(escape(activity.title()))
                    .append("</a></th><td>")
                    .append(escape(messages.get("stage." + activity.stage().name())))
                    .append("</td><td>")
                    .append(escape(list(activity.targetGroups())))
                    .append("</td><td>")
                    .append(activity.startsOn()
                            .map(day -> date(day, messages))
                            .orElseGet(() -> escape(messages.get("activities.notPlanned"))))
                    .append("</td><td>")
                    .append(escape(teams.label(activity.team())))
                    .append("</td></tr>\n");
        }
        return close(html);
    }

    private static StringBuilder open(String captionId, String caption) {
        return new StringBuilder(4096)
                .append("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"")
                .append(captionId)
                .append("\" tabindex=\"0\">\n<table>\n<caption id=\"")
                .append(captionId)
                .append("\">")
                .append(escape(caption))
                .append("</caption>\n");
    }

    private static void header(StringBuilder html, String... columns) {
        html.append("<thead>\n<tr>");
        for (String column : columns) {
            html.append("<th scope=\"col\">").append(escape(column)).append("</th>");
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
    }

    private static String close(StringBuilder html) {
        return html.append("</tbody>\n</table>\n</div>\n").toString();
    }

    /** A date as the user reads it, e.g. "3 februari 2026", machine-readable in {@code datetime}. */
    private static String date(LocalDate day, Messages messages) {
        return "<time datetime=\"" + day + "\">"
                + escape(DateTimeFormatter.ofPattern("d MMMM uuuu", messages.locale())
                        .format(day))
                + "</time>";
    }

    private static String list(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }
}
