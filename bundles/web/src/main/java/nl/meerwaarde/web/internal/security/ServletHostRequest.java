package nl.meerwaarde.web.internal.security;

import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import nl.meerwaarde.host.spi.HostRequest;

/** A servlet request seen through the host SPI's servlet-free {@link HostRequest}. */
public final class ServletHostRequest implements HostRequest {
    private final HttpServletRequest request;

    public ServletHostRequest(HttpServletRequest request) {
        this.request = Objects.requireNonNull(request, "request");
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeader(name));
    }

    /** The value of the first cookie with exactly this name (cookie names are case-sensitive). */
    @Override
    public Optional<String> cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie != null && cookie.getName().equals(name)) {
                return Optional.ofNullable(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public Optional<String> query() {
        return Optional.ofNullable(request.getQueryString());
    }

    @Override
    public String path() {
        return request.getRequestURI();
    }

    @Override
    public String toString() {
        return "HostRequest[" + request.getMethod() + " " + request.getRequestURI() + "]";
    }
}
