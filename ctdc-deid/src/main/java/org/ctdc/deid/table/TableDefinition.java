package org.ctdc.deid.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.ctdc.schema.internal.Shown;

/**
 * The definition of a table: its name (also its file name), 1 to 4 dimensions, and for each dimension the
 * margins (inner nodes of its hierarchy, the total included) that are published. Leaves are always
 * published; a margin that is not published is not a cell of the table.
 *
 * <p><b>Partial publication.</b> With a non-empty list of {@link CrossCells} patterns, only the cells that
 * match at least one pattern are published (as in the formula interface of the GaussSuppression R package,
 * where {@code ~age:eu + geo} publishes age × region, the countries and the grand total, but not age ×
 * country): inner cells included. An unpublished cell is not written, is never a primary cell, and is
 * unknown to the attacker (only additivity and non-negativity hold for it). With no pattern every
 * combination of published nodes is a cell.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the table's name: letters, digits, {@code _}, {@code -} and {@code .}, not starting with a dot
 * @param dimensions the dimensions, 1 to 4, with distinct names
 * @param publishedMargins for each dimension (same order) the set of published margins
 * @param publish the cross-cell patterns that are published; empty: every combination of published nodes
 */
public record TableDefinition(String name, List<Dimension> dimensions, List<Set<String>> publishedMargins,
    List<CrossCells> publish) {

  /**
   * A pattern of published cells: for each dimension it names, the set of nodes a cell may have there; a
   * dimension it does not name may have any published node. A cell matches when each of its nodes is in its
   * dimension's set.
   *
   * <p>Instances are immutable and thread-safe.
   *
   * @param nodes dimension name → the nodes (leaves, margins or the total) allowed in that dimension
   */
  public record CrossCells(Map<String, Set<String>> nodes) {
    /** Copies, keeping the order of the dimensions and nodes. */
    public CrossCells {
      Map<String, Set<String>> m = new LinkedHashMap<>();
      nodes.forEach((k, v) -> m.put(k, java.util.Collections.unmodifiableSet(new LinkedHashSet<>(v))));
      nodes = java.util.Collections.unmodifiableMap(m);
    }
  }

  /** The largest number of dimensions. */
  public static final int MAX_DIMENSIONS = 4;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}");

  /**
   * Validates and copies.
   *
   * @throws TableException naming the table and the rule broken
   */
  public TableDefinition {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new TableException(
          "table name '" + name + "' must be 1-100 letters, digits, '_', '-' or '.', not starting with '.'");
    }
    dimensions = List.copyOf(dimensions);
    if (dimensions.isEmpty() || dimensions.size() > MAX_DIMENSIONS) {
      throw new TableException("table '" + name + "': 1 to " + MAX_DIMENSIONS + " dimensions, not " + dimensions.size());
    }
    if (publishedMargins.size() != dimensions.size()) {
      throw new TableException("table '" + name + "': one set of published margins per dimension");
    }
    Set<String> names = new HashSet<>();
    List<Set<String>> pm = new ArrayList<>();
    for (int i = 0; i < dimensions.size(); i++) {
      Dimension d = dimensions.get(i);
      if (!names.add(d.name())) {
        throw new TableException("table '" + name + "': dimension '" + d.name() + "' is listed twice");
      }
      if (d.name().equals("value") || d.name().equals("status")) {
        throw new TableException("table '" + name + "': a dimension may not be named '" + d.name() + "'");
      }
      Set<String> m = new LinkedHashSet<>();
      List<String> margins = d.margins();
      for (String node : margins) {
        if (publishedMargins.get(i).contains(node)) {
          m.add(node);
        }
      }
      for (String node : publishedMargins.get(i)) {
        if (!margins.contains(node)) {
          throw new TableException(
              "table '" + name + "': dimension '" + d.name() + "' has no margin '" + node + "' to publish");
        }
      }
      pm.add(Set.copyOf(m));
    }
    publishedMargins = List.copyOf(pm);
    publish = List.copyOf(publish);
    for (int k = 0; k < publish.size(); k++) {
      for (Map.Entry<String, Set<String>> e : publish.get(k).nodes().entrySet()) {
        Dimension d = null;
        for (Dimension x : dimensions) {
          if (x.name().equals(e.getKey())) {
            d = x;
          }
        }
        if (d == null) {
          throw new TableException("table '" + name + "': publish[" + k + "]: the table has no dimension '"
              + Shown.name(e.getKey()) + "'");
        }
        for (String node : e.getValue()) {
          if (!d.contains(node)) {
            throw new TableException("table '" + name + "': publish[" + k + "]: dimension '" + Shown.name(d.name())
                + "' has no node '" + Shown.name(node) + "'");
          }
        }
      }
    }
  }

  /**
   * A definition that publishes every combination of the given published margins.
   *
   * @param name the name
   * @param dimensions the dimensions
   * @param publishedMargins for each dimension the set of published margins
   * @throws TableException naming the table and the rule broken
   */
  public TableDefinition(String name, List<Dimension> dimensions, List<Set<String>> publishedMargins) {
    this(name, dimensions, publishedMargins, List.of());
  }

  /**
   * A table that publishes every margin of every dimension.
   *
   * @param name the name
   * @param dimensions the dimensions
   * @return the definition
   * @throws TableException naming the table and the rule broken
   */
  public static TableDefinition of(String name, List<Dimension> dimensions) {
    List<Set<String>> pm = new ArrayList<>();
    for (Dimension d : dimensions) {
      pm.add(new LinkedHashSet<>(d.margins()));
    }
    return new TableDefinition(name, dimensions, pm);
  }

  /**
   * This definition with the published margins of one dimension replaced.
   *
   * @param dimension the dimension's name
   * @param margins the margins to publish (may be empty: no margin of that dimension is published)
   * @return a new definition
   * @throws TableException naming the dimension or margin that does not exist
   */
  public TableDefinition withMargins(String dimension, Set<String> margins) {
    List<Set<String>> pm = new ArrayList<>(publishedMargins);
    pm.set(indexOf(dimension), margins);
    return new TableDefinition(name, dimensions, pm, publish);
  }

  /**
   * This definition publishing only the cells that match one of the patterns (partial publication).
   *
   * @param patterns the patterns; empty: every combination of published nodes
   * @return a new definition
   * @throws TableException naming the pattern, dimension or node that does not exist
   */
  public TableDefinition withPublished(List<CrossCells> patterns) {
    return new TableDefinition(name, dimensions, publishedMargins, patterns);
  }

  /**
   * Whether a cell is published: each node is published in its dimension ({@link #isPublished(int, String)})
   * and, when there are patterns, the cell matches one of them.
   *
   * @param nodes one node name per dimension, in dimension order
   * @return true when the table publishes the cell
   * @throws IllegalArgumentException when the number of nodes is wrong
   */
  public boolean isPublishedCell(List<String> nodes) {
    if (nodes.size() != dimensions.size()) {
      throw new IllegalArgumentException("one node per dimension expected");
    }
    for (int i = 0; i < nodes.size(); i++) {
      if (!isPublished(i, nodes.get(i))) {
        return false;
      }
    }
    if (publish.isEmpty()) {
      return true;
    }
    for (CrossCells p : publish) {
      boolean all = true;
      for (int i = 0; i < nodes.size() && all; i++) {
        Set<String> allowed = p.nodes().get(dimensions.get(i).name());
        all = allowed == null || allowed.contains(nodes.get(i));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /**
   * The position of a dimension.
   *
   * @param dimension the dimension's name
   * @return its index
   * @throws TableException naming the table when there is no such dimension
   */
  public int indexOf(String dimension) {
    for (int i = 0; i < dimensions.size(); i++) {
      if (dimensions.get(i).name().equals(dimension)) {
        return i;
      }
    }
    throw new TableException("table '" + name + "' has no dimension '" + dimension + "'");
  }

  /**
   * Whether a node of a dimension is a cell coordinate of this table: a leaf or a published margin.
   *
   * @param dim the dimension's index
   * @param node the node's name
   * @return true when published
   */
  public boolean isPublished(int dim, String node) {
    Dimension d = dimensions.get(dim);
    return d.isLeaf(node) || publishedMargins.get(dim).contains(node);
  }

  /** @return the number of inner (all-leaf) cells */
  public long innerCellCount() {
    long n = 1;
    for (Dimension d : dimensions) {
      n *= d.leaves().size();
    }
    return n;
  }
}
