package nl.meerwaarde.it;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.osgi.framework.BundleContext;

/** The web bundle's servlets and REST resources register asynchronously; wait until they answer. */
final class WebReadiness {
    private WebReadiness() {}

    /**
     * Waits until a worker can log in and the REST API answers him with JSON: the login page, the authenticated
     * context and the JAX-RS application are all up (a 401 alone would come from the context without the API).
     */
    static void awaitShell(BundleContext context, URI base) throws InterruptedException {
        Browser browser = new Browser(base);
        boolean ready = Await.until(
                context,
                Duration.ofSeconds(30),
                () -> loggedIn(browser) && answers(browser, "meerwaarde/api/v1/me", 200));
        if (!ready) {
            throw new AssertionError("The Meerwaarde web application did not come up within 30 s at " + base);
        }
    }

    private static boolean loggedIn(Browser browser) {
        try {
            return browser.login(WebIT.WORKER, WebIT.WORKER_PASSWORD).statusCode() == 303;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean answers(Browser browser, String path, int status) {
        try {
            return browser.get(path, "application/json").statusCode() == status;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
