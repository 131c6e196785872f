package io.chanflow.rx;

/**
 * Keeps the exported package non-empty (javac rejects exporting a package that holds only
 * package-info.java). Delete once the first real class of this package lands.
 */
final class RxBridgePlaceholder {
    private RxBridgePlaceholder() {}
}
