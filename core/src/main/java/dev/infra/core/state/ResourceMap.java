package dev.infra.core.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The resources of a {@link State} by address, sorted by address and immutable; a copy with one resource added or
 * removed ({@link #plus}, {@link #minus}) shares all but O(log n) of its nodes with the original. A deploy changes
 * its state a few times per step, and copying a map of every resource each time made the state's updates grow as
 * n² (at 5,000 resources, most of a deploy's CPU). A treap: each key's priority comes from its hash, so the shape
 * depends only on the keys, never on the order they came in.
 */
final class ResourceMap extends AbstractMap<String, ResourceState> {
    private static final ResourceMap EMPTY = new ResourceMap(null);

    private static final class Node implements Map.Entry<String, ResourceState> {
        final String key;
        final ResourceState value;
        final int priority;
        final Node left;
        final Node right;
        final int size;

        Node(String key, ResourceState value, int priority, Node left, Node right) {
            this.key = key;
            this.value = value;
            this.priority = priority;
            this.left = left;
            this.right = right;
            this.size = 1 + size(left) + size(right);
        }

        Node with(Node newLeft, Node newRight) {
            return newLeft == left && newRight == right ? this : new Node(key, value, priority, newLeft, newRight);
        }

        @Override public String getKey() { return key; }
        @Override public ResourceState getValue() { return value; }
        @Override public ResourceState setValue(ResourceState v) { throw new UnsupportedOperationException(); }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && key.equals(e.getKey()) && Objects.equals(value, e.getValue());
        }

        @Override
        public int hashCode() {
            return key.hashCode() ^ Objects.hashCode(value);
        }

        @Override
        public String toString() {
            return key + "=" + value;
        }
    }

    /** The parts of a tree split at a key: keys below it, the node holding it (if any), keys above it. */
    private record Split(Node below, Node at, Node above) { }

    private final Node root;

    private ResourceMap(Node root) {
        this.root = root;
    }

    /** {@code m} itself when it is one, else its entries as one. */
    static ResourceMap of(Map<String, ResourceState> m) {
        if (m instanceof ResourceMap r) return r;
        ResourceMap out = EMPTY;
        for (Map.Entry<String, ResourceState> e : m.entrySet()) out = out.plus(Objects.requireNonNull(e.getKey()), e.getValue());
        return out;
    }

    /** A copy with {@code key} mapped to {@code value}. */
    ResourceMap plus(String key, ResourceState value) {
        Split s = split(root, key);
        Node node = new Node(key, value, priority(key), null, null);
        return new ResourceMap(merge(merge(s.below(), node), s.above()));
    }

    /** A copy without {@code key}; this map when it has no such key. */
    ResourceMap minus(String key) {
        Split s = split(root, key);
        return s.at() == null ? this : new ResourceMap(merge(s.below(), s.above()));
    }

    @Override
    public ResourceState get(Object key) {
        Node n = find(key);
        return n == null ? null : n.value;
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) != null;
    }

    @Override
    public int size() {
        return size(root);
    }

    @Override
    public Set<Map.Entry<String, ResourceState>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, ResourceState>> iterator() {
                return new InOrder(root);
            }

            @Override
            public int size() {
                return ResourceMap.this.size();
            }
        };
    }

    private Node find(Object key) {
        if (!(key instanceof String k)) return null;
        Node n = root;
        while (n != null) {
            int c = k.compareTo(n.key);
            if (c == 0) return n;
            n = c < 0 ? n.left : n.right;
        }
        return null;
    }

    private static Split split(Node t, String key) {
        if (t == null) return new Split(null, null, null);
        int c = key.compareTo(t.key);
        if (c == 0) return new Split(t.left, t, t.right);
        if (c < 0) {
            Split s = split(t.left, key);
            return new Split(s.below(), s.at(), t.with(s.above(), t.right));
        }
        Split s = split(t.right, key);
        return new Split(t.with(t.left, s.below()), s.at(), s.above());
    }

    /** Every key of {@code a} is below every key of {@code b}. */
    private static Node merge(Node a, Node b) {
        if (a == null) return b;
        if (b == null) return a;
        if (higher(a, b)) return a.with(a.left, merge(a.right, b));
        return b.with(merge(a, b.left), b.right);
    }

    private static boolean higher(Node a, Node b) {
        return a.priority != b.priority ? a.priority > b.priority : a.key.compareTo(b.key) < 0;
    }

    private static int priority(String key) {
        int h = key.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int size(Node n) {
        return n == null ? 0 : n.size;
    }

    /** Entries in key order. */
    private static final class InOrder implements Iterator<Map.Entry<String, ResourceState>> {
        private final ArrayDeque<Node> path = new ArrayDeque<>();

        InOrder(Node root) {
            descend(root);
        }

        private void descend(Node n) {
            for (; n != null; n = n.left) path.push(n);
        }

        @Override
        public boolean hasNext() {
            return !path.isEmpty();
        }

        @Override
        public Map.Entry<String, ResourceState> next() {
            if (path.isEmpty()) throw new NoSuchElementException();
            Node n = path.pop();
            descend(n.right);
            return n;
        }
    }
}
