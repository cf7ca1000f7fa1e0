package org.ctdc.deid.table;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A table ready for publication: every published cell (leaves and published margins) with its status and
 * the value to publish, which is empty for a suppressed cell. A suppressed cell's true value is not kept.
 *
 * <p>Cells are in row-major order over each dimension's published nodes in depth-first pre-order (the total
 * first).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param definition the table's definition
 * @param method how the values were protected, such as {@code suppression} or {@code round-to-base 5}
 * @param cells the published cells
 */
public record ProtectedTable(TableDefinition definition, String method, List<Cell> cells) {

  /**
   * One published cell.
   *
   * @param nodes one node per dimension
   * @param status the status
   * @param value the published value; empty exactly when the status is suppressed or the method hides it
   */
  public record Cell(List<String> nodes, CellStatus status, OptionalLong value) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException when a suppressed cell carries a value
     */
    public Cell {
      nodes = List.copyOf(nodes);
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(value, "value");
      if (status.isSuppressed() && value.isPresent()) {
        throw new IllegalArgumentException("a suppressed cell carries no value");
      }
    }
  }

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when a cell has the wrong number of nodes
   */
  public ProtectedTable {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(method, "method");
    cells = List.copyOf(cells);
    for (Cell c : cells) {
      if (c.nodes().size() != definition.dimensions().size()) {
        throw new IllegalArgumentException("table '" + definition.name() + "': a cell has the wrong number of nodes");
      }
    }
  }

  /**
   * The cell at the given nodes.
   *
   * @param nodes one node per dimension
   * @return the cell
   * @throws TableException when the table publishes no such cell
   */
  public Cell cell(String... nodes) {
    List<String> key = List.of(nodes);
    for (Cell c : cells) {
      if (c.nodes().equals(key)) {
        return c;
      }
    }
    throw new TableException("table '" + definition.name() + "' publishes no cell " + String.join("|", nodes));
  }

  /**
   * The number of cells with a status.
   *
   * @param status the status
   * @return how many cells have it
   */
  public int count(CellStatus status) {
    int n = 0;
    for (Cell c : cells) {
      if (c.status() == status) {
        n++;
      }
    }
    return n;
  }
}
