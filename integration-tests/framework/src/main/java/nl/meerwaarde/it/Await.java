package nl.meerwaarde.it;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceListener;

/**
 * Waits for a condition that becomes true as services come and go. Re-checks on every service event in the
 * framework, with a hard deadline, so a test never waits longer than it must and never forever.
 */
final class Await {
    private Await() {}

    /**
     * Returns as soon as the condition holds ({@code true}) or when the timeout has passed ({@code false}); the
     * caller then asserts with the details it has.
     */
    static boolean until(BundleContext context, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            CountDownLatch changed = new CountDownLatch(1);
            ServiceListener listener = event -> changed.countDown();
            context.addServiceListener(listener);
            try {
                // Some conditions (an HTTP answer) change without a service event; re-check at least every 100 ms.
                changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            } finally {
                context.removeServiceListener(listener);
            }
        }
        return true;
    }
}
