package nl.meerwaarde.web.internal.screens;

import static nl.meerwaarde.web.internal.Html.escape;

import nl.meerwaarde.web.internal.Messages;

/**
 * One page of a long table, chosen with {@code ?page=N} (1-based); a page number that is missing, malformed or out of
 * range shows the nearest page that exists.
 */
record Pager(int page, int size, long total) {
    static final String PARAMETER = "page";

    static Pager of(String requested, int size, long total) {
        int last = lastPage(size, total);
        int page = 1;
        if (requested != null) {
            try {
                page = Math.max(1, Math.min(last, Integer.parseInt(requested.trim())));
            } catch (NumberFormatException notANumber) {
                page = 1;
            }
        }
        return new Pager(page, size, total);
    }

    int offset() {
        return (page - 1) * size;
    }

    /** "1–50 van 120" and links to the previous and next page; nothing when everything fits on one page. */
    String render(Messages messages, Links links) {
        int last = lastPage(size, total);
        if (last <= 1) {
            return "";
        }
        long first = offset() + 1L;
        long upTo = Math.min(total, (long) offset() + size);
        StringBuilder html = new StringBuilder("<nav class=\"pager\" aria-label=\"")
                .append(escape(messages.get("paging.label")))
                .append("\">\n<p>")
                .append(escape(messages.get("paging.summary", first, upTo, total)))
                .append("</p>\n<ul>\n");
        if (page > 1) {
            html.append("<li><a rel=\"prev\" href=\"")
                    .append(escape(links.current(PARAMETER, String.valueOf(page - 1))))
                    .append("\">")
                    .append(escape(messages.get("paging.previous")))
                    .append("</a></li>\n");
        }
        if (page < last) {
            html.append("<li><a rel=\"next\" href=\"")
                    .append(escape(links.current(PARAMETER, String.valueOf(page + 1))))
                    .append("\">")
                    .append(escape(messages.get("paging.next")))
                    .append("</a></li>\n");
        }
        return html.append("</ul>\n</nav>\n").toString();
    }

    private static int lastPage(int size, long total) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + size - 1) / size));
    }
}
