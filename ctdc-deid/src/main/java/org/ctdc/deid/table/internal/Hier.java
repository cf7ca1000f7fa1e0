package org.ctdc.deid.table.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ctdc.deid.table.Dimension;
import org.jspecify.annotations.Nullable;

/**
 * A dimension compiled to arrays: leaves are nodes {@code 0..leafCount-1} in depth-first order, inner nodes
 * follow in post-order (children before parents), the root last. Node {@code n} covers leaves
 * {@code [lo[n], hi[n])}. Immutable, thread-safe.
 */
public final class Hier {
  final Dimension dimension;
  final int leafCount;
  final int size;
  final String[] names;
  final int[] parent;
  final int[] lo;
  final int[] hi;
  final int[][] children;
  final int root;
  final Map<String, Integer> index = new HashMap<>();

  Hier(Dimension d) {
    this.dimension = d;
    this.leafCount = d.leaves().size();
    this.size = d.nodes().size();
    names = new String[size];
    parent = new int[size];
    lo = new int[size];
    hi = new int[size];
    children = new int[size][];
    for (int i = 0; i < leafCount; i++) {
      names[i] = d.leaves().get(i);
      index.put(names[i], i);
    }
    root = assign(d);
    parent[root] = -1;
  }

  /** A node being numbered: its children, and how many of them are numbered already. */
  private static final class Frame {
    final String node;
    /** The children, or null for a leaf. */
    final @Nullable List<String> children;
    final int @Nullable [] kids;
    int done;

    Frame(String node, @Nullable List<String> children) {
      this.node = node;
      this.children = children;
      this.kids = children == null ? null : new int[children.size()];
    }
  }

  /**
   * Numbers the nodes in post-order with an explicit stack (no recursion, whatever the depth): leaves
   * {@code 0..leafCount-1} in depth-first order, inner nodes after their children.
   */
  private int assign(Dimension d) {
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(d.total(), d.hierarchy().get(d.total())));
    int leafNext = 0;
    int next = leafCount;
    int last = -1;
    while (!stack.isEmpty()) {
      Frame f = stack.peek();
      if (f.children != null && f.done < f.children.size()) {
        String c = f.children.get(f.done);
        stack.push(new Frame(c, d.hierarchy().get(c)));
        continue;
      }
      stack.pop();
      int me;
      if (f.children == null) {
        me = leafNext++;
        lo[me] = me;
        hi[me] = me + 1;
        children[me] = new int[0];
      } else {
        me = next++;
        names[me] = f.node;
        index.put(f.node, me);
        int[] kids = Objects.requireNonNull(f.kids); // made with the children
        children[me] = kids;
        lo[me] = lo[kids[0]];
        hi[me] = hi[kids[kids.length - 1]];
        for (int k : kids) {
          parent[k] = me;
        }
      }
      if (!stack.isEmpty()) {
        Frame up = stack.peek();
        Objects.requireNonNull(up.kids)[up.done++] = me; // a frame below another is its child
      }
      last = me;
    }
    return last;
  }

  boolean isLeaf(int node) {
    return node < leafCount;
  }

  boolean covers(int node, int leaf) {
    return lo[node] <= leaf && leaf < hi[node];
  }
}
