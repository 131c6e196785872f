package io.chanflow;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves goroutines (started with {@link Go#go}) running after it: Go's goleak for JUnit 5.
 * Use {@code @ExtendWith(LeakCheckExtension.class)} on a test class. The failure names every leaked goroutine,
 * what it is blocked on and where it was created.
 *
 * <p>It lives in test sources because the core depends on nothing but Reactive Streams; the logic is
 * {@link Goroutines#snapshot()} and {@link Goroutines#verifyNoLeaks}, which any test framework can call.
 */
public final class LeakCheckExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LeakCheckExtension.class);
    private static final Duration GRACE = Duration.ofSeconds(5);

    @Override
    public void beforeEach(ExtensionContext context) {
        Goroutines.setCaptureCreationSites(true);
        context.getStore(NS).put("before", Goroutines.snapshot());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Goroutines.Snapshot before = context.getStore(NS).remove("before", Goroutines.Snapshot.class);
        Goroutines.verifyNoLeaks(before, GRACE);
    }
}
