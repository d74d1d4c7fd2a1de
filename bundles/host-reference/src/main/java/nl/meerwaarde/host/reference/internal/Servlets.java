package nl.meerwaarde.host.reference.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Glue between the servlet API and {@link WebAnswer}. */
final class Servlets {
    private static final Logger LOG = LoggerFactory.getLogger(Servlets.class);

    private Servlets() {}

    static void write(HttpServletResponse response, WebAnswer answer) throws IOException {
        response.setStatus(answer.status());
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        if (!answer.body().isEmpty()) {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getWriter();
            writer.write(answer.body());
            writer.flush();
        }
    }

    /** Logs the failure and answers with a plain error page: never a stack trace to the browser. */
    static void fail(HttpServletResponse response, String what, Exception failure) throws IOException {
        LOG.error(what, failure);
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        write(response, LoginController.failure());
    }

    static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return Optional.ofNullable(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
