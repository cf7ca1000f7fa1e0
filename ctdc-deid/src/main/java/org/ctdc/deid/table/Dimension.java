package org.ctdc.deid.table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ctdc.deid.Hierarchy;
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

  /** The label of the total of a dimension made from a hierarchy ({@link #of(Hierarchy, int...)}). */
  public static final String TOTAL = "Total";

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

  /**
   * A dimension from a generalisation hierarchy (issue 16): the labels of the lowest of the given levels are
   * the leaves, those of each higher level given are subtotals, and {@value #TOTAL} is the total (the
   * hierarchy's own top level, a single value such as {@code *}, is never a node). Named after the hierarchy.
   * Children are in the order of the hierarchy's rows. A label equal to its parent's on the next level given
   * (a country that is its own sub-region) is the same node, so that branch skips a level.
   *
   * <p>{@code Dimension.of(countries, 0, 1, 2)} over CTDC's country hierarchy (country, UN sub-region, UN
   * region, {@code *}) is Total → regions → sub-regions → countries; {@code Dimension.of(countries, 2)} is
   * the flat dimension of the regions. Tabulate a variable into a dimension whose leaves are not the
   * variable's own codes with {@link #leafOf(Hierarchy, int)}; keep only the leaves present in the data with
   * {@link #restrictedTo(Collection)}.
   *
   * @param hierarchy the hierarchy
   * @param levels the levels to keep, strictly increasing, each below the hierarchy's height
   * @return the dimension
   * @throws IllegalArgumentException if no level is given, the levels are not strictly increasing, or one is
   *     negative or not below {@link Hierarchy#height()}
   * @throws TableException naming the dimension and node when two different nodes have the same label (the
   *     same label on two levels that are not parent and child) or a label is both a leaf and a subtotal
   */
  public static Dimension of(Hierarchy hierarchy, int... levels) {
    return of(hierarchy.name(), hierarchy, levels);
  }

  /**
   * A dimension from a generalisation hierarchy, as {@link #of(Hierarchy, int...)}, with its own name (a
   * column header of the table, such as {@code citizenshipRegion}).
   *
   * @param name the dimension's name
   * @param hierarchy the hierarchy
   * @param levels the levels to keep, strictly increasing, each below the hierarchy's height
   * @return the dimension
   * @throws IllegalArgumentException as {@link #of(Hierarchy, int...)}
   * @throws TableException as {@link #of(Hierarchy, int...)}
   */
  public static Dimension of(String name, Hierarchy hierarchy, int... levels) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hierarchy, "hierarchy");
    if (levels.length == 0) {
      throw new IllegalArgumentException("levels: at least one level is required");
    }
    for (int i = 0; i < levels.length; i++) {
      if (levels[i] < 0 || levels[i] >= hierarchy.height()) {
        throw new IllegalArgumentException("levels: level " + levels[i] + " is not in [0, " + hierarchy.height()
            + "), the levels below the top of hierarchy '" + s(hierarchy.name()) + "'");
      }
      if (i > 0 && levels[i] <= levels[i - 1]) {
        throw new IllegalArgumentException("levels must be strictly increasing, level " + levels[i]
            + " follows level " + levels[i - 1]);
      }
    }
    Map<String, Set<String>> tree = new LinkedHashMap<>();
    tree.put(TOTAL, new java.util.LinkedHashSet<>());
    Set<String> leafLabels = new java.util.LinkedHashSet<>();
    for (List<String> row : hierarchy.rows()) {
      String parent = TOTAL;
      for (int i = levels.length - 1; i >= 0; i--) {
        String label = row.get(levels[i]);
        if (label.equals(parent)) {
          continue; // the same node as its parent: this branch skips a level
        }
        tree.computeIfAbsent(parent, k -> new java.util.LinkedHashSet<>()).add(label);
        parent = label;
      }
      leafLabels.add(parent);
    }
    for (String leaf : leafLabels) {
      if (tree.containsKey(leaf)) {
        throw new TableException("dimension '" + s(name) + "': node '" + s(leaf)
            + "' is both a category and a subtotal (a label repeated on two levels of the hierarchy)");
      }
    }
    Map<String, List<String>> h = new LinkedHashMap<>();
    tree.forEach((k, v) -> h.put(k, List.copyOf(v)));
    return hierarchical(name, TOTAL, h);
  }

  /**
   * The map code → leaf that tabulates a variable generalised by a hierarchy into a dimension whose leaves
   * are the hierarchy's labels on a level ({@link Tabulation#tabulate(org.ctdc.schema.Dataset, TableDefinition,
   * List, Map)}): every leaf of the hierarchy (level 0) mapped to its label on that level.
   *
   * @param hierarchy the hierarchy
   * @param level the level of the dimension's leaves, from 0 to {@link Hierarchy#height()}
   * @return the map, in the hierarchy's row order; unmodifiable
   * @throws IllegalArgumentException if the level is out of range
   */
  public static Map<String, String> leafOf(Hierarchy hierarchy, int level) {
    if (level < 0 || level > hierarchy.height()) {
      throw new IllegalArgumentException("level " + level + " is not in [0, " + hierarchy.height()
          + "] of hierarchy '" + s(hierarchy.name()) + "'");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (List<String> row : hierarchy.rows()) {
      m.put(row.get(0), row.get(level));
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * This dimension with only the given leaves (such as the countries present in the data) and the margins
   * above them: a margin left without children is dropped. Names that are not leaves of this dimension are
   * ignored.
   *
   * @param keep the leaves to keep
   * @return the dimension, with the same name and total
   * @throws TableException naming the dimension when none of its leaves is kept
   */
  public Dimension restrictedTo(Collection<String> keep) {
    Set<String> kept = new HashSet<>();
    for (String leaf : keep) {
      if (isLeaf(leaf)) {
        kept.add(leaf);
      }
    }
    if (kept.isEmpty()) {
      throw new TableException("dimension '" + s(name) + "': none of its leaves is kept");
    }
    // children after parents in nodes (pre-order): decide from the leaves up, in reverse
    Set<String> alive = new HashSet<>(kept);
    for (int i = nodes.size() - 1; i >= 0; i--) {
      String n = nodes.get(i);
      List<String> ch = hierarchy.get(n);
      if (ch != null && ch.stream().anyMatch(alive::contains)) {
        alive.add(n);
      }
    }
    Map<String, List<String>> h = new LinkedHashMap<>();
    for (String n : nodes) {
      List<String> ch = hierarchy.get(n);
      if (ch != null && alive.contains(n)) {
        h.put(n, ch.stream().filter(alive::contains).toList());
      }
    }
    return new Dimension(name, total, Collections.unmodifiableMap(h));
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
