package nl.meerwaarde.web;

/**
 * Names under which the web bundle registers its HTTP context and JAX-RS application, for bundles that contribute
 * screens (servlets, resources) or REST resources.
 *
 * <p>A servlet joins the shell with {@code @HttpWhiteboardContextSelect(WebConstants.CONTEXT_SELECT)}; a REST
 * resource with {@code @JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)}. Either is then only reached by
 * requests the host has authenticated, and finds the caller in the request attribute {@link #SUBJECT_ATTRIBUTE}.
 */
public final class WebConstants {
    /** Name of the HTTP Whiteboard context ({@code osgi.http.whiteboard.context.name}) of every Meerwaarde page. */
    public static final String CONTEXT_NAME = "meerwaarde";

    /** Path of that context below the server root. */
    public static final String CONTEXT_PATH = "/meerwaarde";

    /** Filter selecting that context ({@code osgi.http.whiteboard.context.select}). */
    public static final String CONTEXT_SELECT = "(osgi.http.whiteboard.context.name=" + CONTEXT_NAME + ")";

    /** Name of the JAX-RS Whiteboard application ({@code osgi.jaxrs.name}) serving the REST API. */
    public static final String APPLICATION_NAME = "meerwaarde";

    /** Base of that application inside the context: the API lives under {@code /meerwaarde/api}. */
    public static final String APPLICATION_BASE = "/api";

    /** Filter selecting that application ({@code osgi.jaxrs.application.select}). */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";

    /**
     * Request attribute holding the {@link nl.meerwaarde.host.spi.Subject} the host resolved for the request. Set on
     * every request the context lets through; a request without it never reaches a servlet or resource.
     */
    public static final String SUBJECT_ATTRIBUTE = "nl.meerwaarde.web.subject";

    /**
     * Request attribute holding the {@link java.util.Locale} the answer is written in: Dutch unless {@code ?lang=en}
     * or the {@code Accept-Language} header asks for English.
     */
    public static final String LOCALE_ATTRIBUTE = "nl.meerwaarde.web.locale";

    /**
     * Request attribute with the host's logout location ({@link nl.meerwaarde.host.spi.Subjects#logoutLocation()}),
     * set with the subject.
     */
    public static final String LOGOUT_ATTRIBUTE = "nl.meerwaarde.web.logout";

    /** Media type of every error answer (RFC 9457 problem details). */
    public static final String PROBLEM_JSON = "application/problem+json";

    private WebConstants() {}
}
