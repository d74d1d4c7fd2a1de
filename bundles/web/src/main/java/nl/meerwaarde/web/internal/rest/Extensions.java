package nl.meerwaarde.web.internal.rest;

/** Names ({@code osgi.jaxrs.name}) of the JAX-RS extensions this bundle adds to its application. */
final class Extensions {
    static final String JSON = "meerwaarde.json";
    static final String INVALID_INPUT = "meerwaarde.problem.invalid-input";
    static final String WEB_APPLICATION = "meerwaarde.problem.web-application";
    static final String UNEXPECTED = "meerwaarde.problem.unexpected";

    private Extensions() {}
}
