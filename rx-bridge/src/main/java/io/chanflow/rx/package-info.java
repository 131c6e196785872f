/**
 * RxJava bridge for Chanflow (work in progress).
 */
package io.chanflow.rx;
