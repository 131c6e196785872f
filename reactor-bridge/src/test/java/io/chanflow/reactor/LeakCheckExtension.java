package io.chanflow.reactor;

import io.chanflow.testing.NoLeakedGoroutines;

/**
 * This module's handle on {@link NoLeakedGoroutines} (fails a test that leaves goroutines running): JUnit
 * instantiates extensions reflectively, and the module opens its test packages, not the shared one.
 */
public final class LeakCheckExtension extends NoLeakedGoroutines {}
