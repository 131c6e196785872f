package io.chanflow;

import io.chanflow.testing.NoLeakedGoroutines;

/**
 * The core tests' name for {@link NoLeakedGoroutines}: fails a test that leaves goroutines running after it.
 * Use {@code @ExtendWith(LeakCheckExtension.class)} on a test class.
 */
public final class LeakCheckExtension extends NoLeakedGoroutines {}
