package org.ctdc.deid.table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A dimension of a table: a tree of categories whose leaves are the categories records fall into and whose
 * inner nodes are the margins (subtotals and the total). A flat dimension has the total as the only inner
 * node; a hierarchical one is given as parent → children, such as {@code Total → [Africa, Europe]},
 * {@code Africa → [Northern Africa, ...]}, {@code Northern Africa → [DZA, EGY, ...]}.
 *
 * <p>Leaves are ordered depth-first along the hierarchy as given (children in their listed order), so that
 * every node covers a consecutive run of leaves. Node names are unique within a dimension. A dimension has at
 * most {@value #MAX_DEPTH} levels below its total; every walk over it is iterative.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Dimension {
  /**
   * The most levels a dimension may have below its total: 64 (a flat dimension has 1, CTDC's region →
   * sub-region → country has 3). Checked when the dimension is built; the audit's {@code TableDimension}
   * has the same bound.
   */
  public static final int MAX_DEPTH = 64;

  private final String name;
  private final String total;
  private final Map<String, List<String>> hierarchy;
  private final List<String> leaves;
  private final List<String> nodes;
  private final Set<String> nodeSet;

  private Dimension(String name, String total, Map<String, List<String>> hierarchy) {
    this.name = name;
    this.total = total;
    this.hierarchy = hierarchy;
    List<String> lv = new ArrayList<>();
    List<String> all = new ArrayList<>();
    walk(total, lv, all);
    this.leaves = List.copyOf(lv);
    this.nodes = List.copyOf(all);
    this.nodeSet = Set.copyOf(all);
  }

  /** Depth-first pre-order from {@code node}, with an explicit stack: no recursion, whatever the depth. */
  private void walk(String node, List<String> lv, List<String> all) {
    Deque<String> stack = new ArrayDeque<>();
    stack.push(node);
    while (!stack.isEmpty()) {
      String n = stack.pop();
      all.add(n);
      List<String> ch = hierarchy.get(n);
      if (ch == null) {
        lv.add(n);
        continue;
      }
      for (int i = ch.size() - 1; i >= 0; i--) {
        stack.push(ch.get(i));
      }
    }
  }

  /**
   * A flat dimension: the leaves and their total.
   *
   * @param name the dimension's name (a column header of the table)
   * @param total the label of the total, such as {@code Total}
   * @param leaves the categories, at least one, unique, none equal to the total label
   * @return the dimension
   * @throws TableException naming the dimension and the rule broken
   */
  public static Dimension flat(String name, String total, List<String> leaves) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put(total, List.copyOf(leaves));
    return hierarchical(name, total, h);
  }

  /**
   * A hierarchical dimension given as parent → children; the total is the root.
   *
   * @param name the dimension's name
   * @param total the label of the root
   * @param hierarchy every inner node mapped to its children (non-empty lists); leaves have no entry
   * @return the dimension
   * @throws TableException naming the dimension and node when the hierarchy is not a tree rooted at the
   *     total (a node listed twice, a cycle, an entry not reachable from the total, an empty child list) or
   *     is more than {@value #MAX_DEPTH} levels deep
   */
  public static Dimension hierarchical(String name, String total, Map<String, List<String>> hierarchy) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(hierarchy, "hierarchy");
    if (name.isBlank()) {
      throw new TableException("dimension name is blank");
    }
    if (total.isBlank()) {
      throw new TableException("dimension '" + s(name) + "': total label is blank");
    }
    if (!hierarchy.containsKey(total)) {
      throw new TableException("dimension '" + s(name) + "': hierarchy has no entry for its total '" + s(total) + "'");
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    seen.add(total);
    Deque<String> todo = new ArrayDeque<>();
    Map<String, Integer> depth = new java.util.HashMap<>();
    todo.add(total);
    depth.put(total, 0);
    while (!todo.isEmpty()) {
      String n = todo.poll();
      List<String> ch = hierarchy.get(n);
      if (ch == null) {
        continue;
      }
      int below = Objects.requireNonNull(depth.get(n)) + 1; // set when the node was queued
      if (below > MAX_DEPTH) {
        throw new TableException("dimension '" + s(name) + "': the hierarchy is more than " + MAX_DEPTH
            + " levels deep below its total (limit)");
      }
      if (ch.isEmpty()) {
        throw new TableException("dimension '" + s(name) + "': node '" + s(n) + "' has an empty list of children");
      }
      for (String c : ch) {
        if (c == null || c.isBlank()) {
          throw new TableException("dimension '" + s(name) + "': node '" + s(n) + "' has a blank child");
        }
        if (!seen.add(c)) {
          throw new TableException(
              "dimension '" + s(name) + "': node '" + s(c) + "' appears more than once in the hierarchy");
        }
        todo.add(c);
        depth.put(c, below);
      }
      copy.put(n, List.copyOf(ch));
    }
    for (String k : hierarchy.keySet()) {
      if (!copy.containsKey(k)) {
        throw new TableException(
            "dimension '" + s(name) + "': hierarchy entry '" + s(k) + "' is not reachable from the total '" + s(total) + "'");
      }
    }
    return new Dimension(name, total, Collections.unmodifiableMap(copy));
  }

  /** @return the dimension's name */
  public String name() {
    return name;
  }

  /** @return the label of the total (the root of the hierarchy) */
  public String total() {
    return total;
  }

  /** @return the hierarchy, inner node → children, in depth-first order; unmodifiable */
  public Map<String, List<String>> hierarchy() {
    return hierarchy;
  }

  /** @return the leaves in depth-first order */
  public List<String> leaves() {
    return leaves;
  }

  /** @return every node (the total first) in depth-first pre-order */
  public List<String> nodes() {
    return nodes;
  }

  /**
   * The inner nodes (margins), the total first, in depth-first pre-order.
   *
   * @return the nodes that have children
   */
  public List<String> margins() {
    List<String> m = new ArrayList<>();
    for (String n : nodes) {
      if (hierarchy.containsKey(n)) {
        m.add(n);
      }
    }
    return List.copyOf(m);
  }

  /**
   * Whether a name is a node of this dimension.
   *
   * @param node a name
   * @return true for a leaf, an inner node or the total
   */
  public boolean contains(String node) {
    return nodeSet.contains(node);
  }

  /**
   * Whether a node is a leaf.
   *
   * @param node a node
   * @return true when it has no children
   */
  public boolean isLeaf(String node) {
    return contains(node) && !hierarchy.containsKey(node);
  }

  /**
   * Equal when the name, total and hierarchy are equal.
   *
   * @param o the other object
   * @return whether equal
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Dimension d && d.name.equals(name) && d.total.equals(total) && d.hierarchy.equals(hierarchy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, total, hierarchy);
  }

  @Override
  public String toString() {
    return "Dimension[" + name + ", " + leaves.size() + " leaves, " + margins().size() + " margins]";
  }

  /** A name as a message shows it: cut, so that no message repeats much of a configuration file. */
  private static String s(String name) {
    return org.ctdc.schema.internal.Shown.name(name);
  }
}
