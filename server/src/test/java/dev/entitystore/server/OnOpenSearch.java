package dev.entitystore.server;

/**
 * Marks a test class whose {@link RunningServer} runs on the OpenSearch backend: the test node of
 * {@code OpenSearchForTests} under an index prefix of its own. Suites written once run on both backends
 * through two subclasses, one of them with this mark.
 */
public interface OnOpenSearch {
}
