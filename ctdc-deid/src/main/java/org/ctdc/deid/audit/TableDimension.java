package org.ctdc.deid.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One dimension of a published table: its name, the label of its total and its hierarchy, a tree given as
 * a map from each inner node to its children (in order). The root is the total; the nodes that have no
 * children are the leaves, the inner categories of the table. A flat dimension has
 * {@code {"Total": [leaves...]}}.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param name the dimension's name (a column of the table CSV)
 * @param total the label of the grand total, the root of the hierarchy
 * @param hierarchy node to its children; every node is reachable from the total exactly once
 */
public record TableDimension(String name, String total, Map<String, List<String>> hierarchy) {
  /**
   * Validates that the hierarchy is a tree rooted at the total.
   *
   * @throws TableFormatException if the hierarchy is not a tree rooted at the total, a node has no
   *     children, or a name is blank
   * @throws NullPointerException if an argument is null
   */
  public TableDimension {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(total, "total");
    if (name.isBlank() || name.equals("value") || name.equals("status")) {
      throw new TableFormatException("dimension name '" + name + "': must be non-blank and not 'value' or 'status'");
    }
    if (total.isBlank()) {
      throw new TableFormatException("dimension '" + name + "': total label must be non-blank");
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    hierarchy.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    hierarchy = java.util.Collections.unmodifiableMap(copy);
    if (!hierarchy.containsKey(total)) {
      throw new TableFormatException(
          "dimension '" + name + "': hierarchy has no entry for the total '" + total + "'");
    }
    Set<String> seen = new LinkedHashSet<>();
    seen.add(total);
    List<String> stack = new ArrayList<>(List.of(total));
    while (!stack.isEmpty()) {
      String node = stack.remove(stack.size() - 1);
      List<String> children = hierarchy.get(node);
      if (children == null) {
        continue;
      }
      if (children.isEmpty()) {
        throw new TableFormatException(
            "dimension '" + name + "': hierarchy node '" + node + "' has an empty list of children");
      }
      for (String c : children) {
        if (c.isBlank()) {
          throw new TableFormatException("dimension '" + name + "': blank code under node '" + node + "'");
        }
        if (!seen.add(c)) {
          throw new TableFormatException(
              "dimension '" + name + "': code '" + c + "' appears more than once in the hierarchy"
                  + " (a hierarchy must be a tree)");
        }
        stack.add(c);
      }
    }
    for (String k : hierarchy.keySet()) {
      if (!seen.contains(k)) {
        throw new TableFormatException(
            "dimension '" + name + "': hierarchy node '" + k + "' is not reachable from the total '" + total + "'");
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
      throw new TableFormatException("dimension '" + name + "': unknown code '" + node + "'");
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
    return nodeSet().contains(code);
  }

  private Set<String> nodeSet() {
    Map<String, Boolean> m = new HashMap<>();
    for (String n : nodes()) {
      m.put(n, Boolean.TRUE);
    }
    return m.keySet();
  }

  private void walk(String node, List<String> out, boolean leavesOnly) {
    List<String> children = hierarchy.get(node);
    if (children == null) {
      out.add(node);
      return;
    }
    if (!leavesOnly) {
      out.add(node);
    }
    for (String c : children) {
      walk(c, out, leavesOnly);
    }
  }
}
