package nl.meerwaarde.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Issue 2: every one of our bundles can be stopped and started again, in turn, without breaking the
 * application, losing data or leaking threads.
 */
class RestartIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    ServiceComponentRuntime scr;

    @Test
    void stopAndStartEveryBundleInTurn() throws Exception {
        URI base = Runtime.httpEndpoint(context, TIMEOUT);
        WebReadiness.awaitShell(context, base);
        String activitiesBefore = activities(base);
        Map<String, Long> threadsBefore = threadsByKind();

        for (Bundle bundle : Runtime.ourBundles(context)) {
            bundle.stop();
            assertThat(bundle.getState()).as(bundle.getSymbolicName()).isEqualTo(Bundle.RESOLVED);
            bundle.start();

            boolean settled = Await.until(
                    context, TIMEOUT, () -> Runtime.unsatisfiedComponents(scr).isEmpty());
            assertThat(settled)
                    .as("components after restarting " + bundle.getSymbolicName() + ": "
                            + Runtime.unsatisfiedComponents(scr))
                    .isTrue();
            WebReadiness.awaitShell(context, base);
            assertThat(activities(base))
                    .as("data after restarting " + bundle.getSymbolicName())
                    .isEqualTo(activitiesBefore);
        }

        assertThat(leakedThreads(threadsBefore))
                .as("threads left behind by restarts")
                .isEmpty();
    }

    private static String activities(URI base) throws Exception {
        Browser browser = new Browser(base);
        assertThat(browser.login(WebIT.WORKER, WebIT.WORKER_PASSWORD).statusCode())
                .isEqualTo(303);
        HttpResponse<String> response = browser.get("meerwaarde/api/v1/activities", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /**
     * Threads that exist more often now than before, by kind. A stopped bundle that forgets to stop its threads
     * leaves one more of a kind behind on every restart. Threads of pools that grow and shrink on demand
     * (Jetty's, the JDK HTTP client's, the common fork-join pool) are not ours to count.
     */
    private Map<String, Long> leakedThreads(Map<String, Long> before) throws InterruptedException {
        Map<String, Long>[] leaked = new Map[1];
        Await.until(context, TIMEOUT, () -> {
            leaked[0] = new TreeMap<>();
            threadsByKind().forEach((kind, count) -> {
                if (count > before.getOrDefault(kind, 0L)) {
                    leaked[0].put(kind, count - before.getOrDefault(kind, 0L));
                }
            });
            return leaked[0].isEmpty();
        });
        return leaked[0];
    }

    private static Map<String, Long> threadsByKind() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(t -> t.getName().replaceAll("\\d+", "#"))
                .filter(name -> !name.startsWith("qtp")
                        && !name.startsWith("HttpClient")
                        && !name.startsWith("ForkJoinPool")
                        && !name.startsWith("Attach Listener"))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }
}
