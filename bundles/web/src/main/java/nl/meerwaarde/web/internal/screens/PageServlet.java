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
import javax.ws.rs.WebApplicationException;
import nl.meerwaarde.host.spi.Role;
import nl.meerwaarde.host.spi.Subject;
import nl.meerwaarde.web.internal.Messages;
import nl.meerwaarde.web.internal.Requests;
import nl.meerwaarde.web.internal.security.CsrfGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server-rendered page of the shell, for workers. Renders the page's content inside the {@link Layout} in the
 * request's language. A resident gets 403; a failure gets a 500 page naming an incident id (the exception itself is
 * logged, never shown).
 *
 * <p>A page with forms is made with a {@link CsrfGuard}: its GET then issues the token its forms carry ({@link
 * Form}), and its POST goes to {@link #post} only for a worker with the role WORKER whose token and origin the guard
 * accepts (403 otherwise, nothing done). A post answers a redirect (303) when it saved, else the page again.
 */
abstract class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PageServlet.class);

    private final ScreenMenu menu;
    private final transient CsrfGuard csrf;

    PageServlet(ScreenMenu menu) {
        this(menu, null);
    }

    /** A page with forms, protected by the guard. */
    PageServlet(ScreenMenu menu, CsrfGuard csrf) {
        this.menu = Objects.requireNonNull(menu, "menu");
        this.csrf = csrf;
    }

    /** The page for this worker; any value put into the body must be escaped. */
    abstract PageContent content(
            HttpServletRequest request, Subject.WorkerSubject worker, Messages messages, Links links);

    /** Answers a form of this page (the worker may write, the token is good); by default there is none: 405. */
    PageContent post(HttpServletRequest request, Subject.WorkerSubject worker, Messages messages, Links links) {
        return PageContent.message(
                HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                messages.get("status.405"),
                messages.get("page.notFound.text"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
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
                content = post
                        ? posted(request, response, worker, messages, links)
                        : shown(request, response, worker, messages, links);
            } else {
                content = PageContent.message(
                        HttpServletResponse.SC_FORBIDDEN,
                        messages.get("page.forbidden.title"),
                        messages.get("page.forbidden.text"));
            }
        } catch (WebApplicationException e) {
            content = status(e.getResponse().getStatus(), messages);
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

    private PageContent shown(
            HttpServletRequest request,
            HttpServletResponse response,
            Subject.WorkerSubject worker,
            Messages messages,
            Links links) {
        if (csrf != null) {
            csrf.issue(request, response, worker);
        }
        return content(request, worker, messages, links);
    }

    private PageContent posted(
            HttpServletRequest request,
            HttpServletResponse response,
            Subject.WorkerSubject worker,
            Messages messages,
            Links links)
            throws IOException {
        if (csrf == null) {
            return post(request, worker, messages, links);
        }
        request.setCharacterEncoding("UTF-8");
        if (!csrf.accepts(request, request.getParameter(CsrfGuard.FIELD), worker)) {
            return PageContent.message(
                    HttpServletResponse.SC_FORBIDDEN, messages.get("page.csrf.title"), messages.get("page.csrf.text"));
        }
        if (!worker.hasRole(Role.WORKER)) {
            return status(HttpServletResponse.SC_FORBIDDEN, messages);
        }
        csrf.issue(request, response, worker);
        return post(request, worker, messages, links);
    }

    /** The page for an error status a shared service answered (404 another team's record, 503 no store...). */
    static PageContent status(int status, Messages messages) {
        return switch (status) {
            case HttpServletResponse.SC_NOT_FOUND ->
                PageContent.message(status, messages.get("page.notFound.title"), messages.get("page.notFound.text"));
            case HttpServletResponse.SC_FORBIDDEN ->
                PageContent.message(status, messages.get("page.forbidden.title"), messages.get("page.forbidden.text"));
            case HttpServletResponse.SC_SERVICE_UNAVAILABLE ->
                PageContent.message(status, messages.get("status.503"), messages.get("page.unavailable.text"));
            default ->
                PageContent.message(
                        status,
                        nl.meerwaarde.web.internal.Problem.statusTitle(status, messages),
                        messages.get("page.notFound.text"));
        };
    }
}
