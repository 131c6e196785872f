package io.chanflow.testing;

import io.chanflow.Goroutines;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves goroutines (started with {@code Go.go}) running after it: Go's goleak for JUnit 5.
 * Use {@code @ExtendWith(LeakCheckExtension.class)} (each module subclasses it under that name in its own
 * test package, which the module opens to JUnit) on a test class. The failure names every leaked
 * goroutine, what it is blocked on and where it was created; a goroutine still ending gets 5 seconds.
 *
 * <p>One source for every module's tests (core, reactor-bridge, rx-bridge add {@code core/src/test-support/java}
 * as a test source root): the core depends on nothing but Reactive Streams, so no JUnit code can live in
 * it; the logic is {@link Goroutines#snapshot()} and {@link Goroutines#verifyNoLeaks}, which any test
 * framework can call.
 */
public class NoLeakedGoroutines implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoLeakedGoroutines.class);
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
