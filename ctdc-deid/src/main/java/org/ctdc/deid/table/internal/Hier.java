package org.ctdc.deid.table.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctdc.deid.table.Dimension;

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
    int[] next = {leafCount};
    int[] leafNext = {0};
    root = assign(d, d.total(), next, leafNext);
    parent[root] = -1;
  }

  private int assign(Dimension d, String node, int[] next, int[] leafNext) {
    List<String> ch = d.hierarchy().get(node);
    if (ch == null) {
      int l = leafNext[0]++;
      lo[l] = l;
      hi[l] = l + 1;
      children[l] = new int[0];
      return l;
    }
    List<Integer> kids = new ArrayList<>();
    for (String c : ch) {
      kids.add(assign(d, c, next, leafNext));
    }
    int me = next[0]++;
    names[me] = node;
    index.put(node, me);
    children[me] = kids.stream().mapToInt(Integer::intValue).toArray();
    lo[me] = lo[children[me][0]];
    hi[me] = hi[children[me][children[me].length - 1]];
    for (int k : children[me]) {
      parent[k] = me;
    }
    return me;
  }

  boolean isLeaf(int node) {
    return node < leafCount;
  }

  boolean covers(int node, int leaf) {
    return lo[node] <= leaf && leaf < hi[node];
  }
}
