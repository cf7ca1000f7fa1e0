package org.ctdc.deid.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ctdc.schema.internal.Shown;

/**
 * One dimension of a published table: its name, the label of its total and its hierarchy, a tree given as
 * a map from each inner node to its children (in order). The root is the total; the nodes that have no
 * children are the leaves, the inner categories of the table. A flat dimension has
 * {@code {"Total": [leaves...]}}. A hierarchy has at most {@value #MAX_DEPTH} levels below its total, the
 * bound of {@link org.ctdc.deid.table.Dimension#MAX_DEPTH}; every walk over it is iterative. Messages show
 * names and codes through {@code Shown} (cut, control characters replaced): they are the definition's own
 * declared codes.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param name the dimension's name (a column of the table CSV)
 * @param total the label of the grand total, the root of the hierarchy
 * @param hierarchy node to its children; every node is reachable from the total exactly once
 */
public record TableDimension(String name, String total, Map<String, List<String>> hierarchy) {
  /** The most levels a hierarchy may have below its total: 64, as for the tables' dimensions. */
  public static final int MAX_DEPTH = 64;

  /**
   * Validates that the hierarchy is a tree rooted at the total.
   *
   * @throws TableFormatException if the hierarchy is not a tree rooted at the total, a node has no
   *     children, a name is blank, or the tree is more than {@value #MAX_DEPTH} levels deep
   * @throws NullPointerException if an argument is null
   */
  public TableDimension {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(total, "total");
    String dim = "dimension '" + Shown.name(name) + "': ";
    if (name.isBlank() || name.equals("value") || name.equals("status")) {
      throw new TableFormatException("dimension name '" + Shown.name(name)
          + "': must be non-blank and not 'value' or 'status'");
    }
    if (total.isBlank()) {
      throw new TableFormatException(dim + "total label must be non-blank");
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    hierarchy.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    hierarchy = java.util.Collections.unmodifiableMap(copy);
    if (!hierarchy.containsKey(total)) {
      throw new TableFormatException(dim + "hierarchy has no entry for the total '" + Shown.name(total) + "'");
    }
    Map<String, Integer> depth = new HashMap<>();
    depth.put(total, 0);
    List<String> stack = new ArrayList<>(List.of(total));
    while (!stack.isEmpty()) {
      String node = stack.remove(stack.size() - 1);
      List<String> children = hierarchy.get(node);
      if (children == null) {
        continue;
      }
      if (children.isEmpty()) {
        throw new TableFormatException(dim + "hierarchy node '" + Shown.name(node) + "' has an empty list of children");
      }
      int below = Objects.requireNonNull(depth.get(node)) + 1; // set when the node was stacked
      if (below > MAX_DEPTH) {
        throw new TableFormatException(dim + "the hierarchy is more than " + MAX_DEPTH
            + " levels deep below its total (limit)");
      }
      for (String c : children) {
        if (c.isBlank()) {
          throw new TableFormatException(dim + "blank code under node '" + Shown.name(node) + "'");
        }
        if (depth.putIfAbsent(c, below) != null) {
          throw new TableFormatException(dim + "code '" + Shown.name(c) + "' appears more than once in the hierarchy"
              + " (a hierarchy must be a tree)");
        }
        stack.add(c);
      }
    }
    for (String k : hierarchy.keySet()) {
      if (!depth.containsKey(k)) {
        throw new TableFormatException(dim + "hierarchy node '" + Shown.name(k)
            + "' is not reachable from the total '" + Shown.name(total) + "'");
      }
    }
  }

  /**
   * A flat dimension: the total over the given leaves.
   *
   * @param name the dimension's name
   * @param total the total label
   * @param leaves the inner categories
   * @return the dimension
   */
  public static TableDimension flat(String name, String total, List<String> leaves) {
    return new TableDimension(name, total, Map.of(total, leaves));
  }

  /**
   * Every node (total, inner nodes and leaves), depth first from the total in the hierarchy's order.
   *
   * @return the codes accepted in this dimension's column
   */
  public List<String> nodes() {
    List<String> out = new ArrayList<>();
    walk(total, out, false);
    return out;
  }

  /**
   * The leaves (inner categories) in depth-first order.
   *
   * @return the leaves
   */
  public List<String> leaves() {
    List<String> out = new ArrayList<>();
    walk(total, out, true);
    return out;
  }

  /**
   * The leaves under a node (the node itself when it is a leaf).
   *
   * @param node a node of this dimension
   * @return the leaves, depth first
   * @throws TableFormatException if the node is not in this dimension
   */
  public List<String> leavesUnder(String node) {
    if (!isNode(node)) {
      throw new TableFormatException("dimension '" + Shown.name(name) + "': a code is not in the dimension's"
          + " hierarchy");
    }
    List<String> out = new ArrayList<>();
    walk(node, out, true);
    return out;
  }

  /**
   * Whether a code is a node of this dimension.
   *
   * @param code a code
   * @return true if it is the total, an inner node or a leaf
   */
  public boolean isNode(String code) {
    if (code.equals(total) || hierarchy.containsKey(code)) {
      return true;
    }
    for (List<String> children : hierarchy.values()) {
      if (children.contains(code)) {
        return true;
      }
    }
    return false;
  }

  /** Depth-first pre-order from {@code node}, with an explicit stack: no recursion, whatever the depth. */
  private void walk(String node, List<String> out, boolean leavesOnly) {
    List<String> stack = new ArrayList<>();
    stack.add(node);
    while (!stack.isEmpty()) {
      String n = stack.remove(stack.size() - 1);
      List<String> children = hierarchy.get(n);
      if (children == null) {
        out.add(n);
        continue;
      }
      if (!leavesOnly) {
        out.add(n);
      }
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.add(children.get(i));
      }
    }
  }
}
