/**
 * Reactor bridge for Chanflow (work in progress).
 */
package io.chanflow.reactor;
