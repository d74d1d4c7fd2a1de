package nl.meerwaarde.web.internal.screens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server-rendered page of the shell, for workers. Renders the page's content inside the {@link Layout} in the
 * request's language. A resident gets 403; a failure gets a 500 page naming an incident id (the exception itself is
 * logged, never shown).
 */
abstract class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PageServlet.class);

    private final ScreenMenu menu;

    PageServlet(ScreenMenu menu) {
        this.menu = Objects.requireNonNull(menu, "menu");
    }

    /** The page for this worker; any value put into the body must be escaped. */
    abstract PageContent content(
            HttpServletRequest request, Subject.WorkerSubject worker, Messages messages, Links links);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Messages messages = Messages.of(Requests.locale(request));
        Links links = new Links(
                request.getContextPath(),
                request.getRequestURI(),
                request.getQueryString(),
                Requests.explicitLanguage(request));
        List<MenuItem> items = List.of();
        Optional<String> userName = Optional.empty();
        PageContent content;
        try {
            if (Requests.subject(request).orElse(null) instanceof Subject.WorkerSubject worker) {
                items = menu.visibleTo(worker, messages.locale());
                userName = Optional.of(worker.worker().name());
                content = content(request, worker, messages, links);
            } else {
                content = PageContent.message(
                        HttpServletResponse.SC_FORBIDDEN,
                        messages.get("page.forbidden.title"),
                        messages.get("page.forbidden.text"));
            }
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.error(
                    "Unexpected error rendering {} {} (incident {})",
                    request.getMethod(),
                    request.getRequestURI(),
                    incident,
                    e);
            content = PageContent.message(
                    HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    messages.get("status.500"),
                    messages.get("problem.unexpected.detail", incident));
        }
        if (content.location() != null) {
            response.setStatus(content.status());
            response.setHeader("Location", content.location());
            response.setContentLength(0);
            return;
        }
        String html = Layout.render(new Layout.Model(
                messages,
                content.title(),
                content.currentPath(),
                userName,
                userName.flatMap(name -> Requests.logoutLocation(request)),
                items,
                links,
                content.body()));
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(content.status());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Vary", "Accept-Language");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
