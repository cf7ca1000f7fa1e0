package org.ctdc.deid.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The definition of a table: its name (also its file name), 1 to 4 dimensions, and for each dimension the
 * margins (inner nodes of its hierarchy, the total included) that are published. Leaves are always
 * published; a margin that is not published is not a cell of the table.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the table's name: letters, digits, {@code _}, {@code -} and {@code .}, not starting with a dot
 * @param dimensions the dimensions, 1 to 4, with distinct names
 * @param publishedMargins for each dimension (same order) the set of published margins
 */
public record TableDefinition(String name, List<Dimension> dimensions, List<Set<String>> publishedMargins) {

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
    return new TableDefinition(name, dimensions, pm);
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
