package dev.entitystore.domain.transfer;

import dev.entitystore.domain.entity.FieldPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dotted paths as a tree of their segments (split on every dot, as {@link FieldPath#get} reads them), so a
 * streaming walk of a record finds the nodes a path names by matching one key at a time: a key with a dot
 * in it never matches a segment, just as {@link FieldPath#get} never reaches it.
 */
final class PathTrie {
    static final class Node {
        private final Map<String, Node> children = new HashMap<>(4);
        /** The index of the path ending here, or -1. */
        int index = -1;

        Node child(String key) {
            return children.isEmpty() ? null : children.get(key);
        }

        boolean isLeaf() {
            return children.isEmpty();
        }
    }

    private final Node root = new Node();

    /** The trie of {@code paths}; a node's index is the position of its path in the list (the first, if repeated). */
    PathTrie(List<String> paths) {
        for (int i = 0; i < paths.size(); i++) {
            Node node = root;
            for (String segment : FieldPath.segments(paths.get(i))) {
                node = node.children.computeIfAbsent(segment, key -> new Node());
            }
            if (node.index < 0) {
                node.index = i;
            }
        }
    }

    Node root() {
        return root;
    }

    /** The node of {@code path}, which the trie holds. */
    Node node(String path) {
        Node node = root;
        for (String segment : FieldPath.segments(path)) {
            node = node.children.get(segment);
        }
        return node;
    }
}
