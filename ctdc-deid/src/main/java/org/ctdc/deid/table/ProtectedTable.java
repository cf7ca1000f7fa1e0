package org.ctdc.deid.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.ctdc.deid.audit.PublishedRow;
import org.ctdc.deid.audit.PublishedStatus;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.PublishedTableDefinition;
import org.ctdc.deid.audit.TableDimension;

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

  /** Why a DP table is not audited, in the messages that refuse it. */
  static final String NOT_AUDITED = "its counts are differentially private (noise on every cell, method "
      + "dp): the LP audit of suppression does not apply; its guarantee is the budget in its accounting";

  /**
   * Whether the table's values are differentially private noisy counts ({@link TablesConfig.Method#DP},
   * method {@code dp ...}).
   *
   * @return true for a DP table
   */
  public boolean isDp() {
    return method.startsWith("dp ");
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

  /**
   * This table as the audit reads it (issue 16): the same {@link PublishedTable} as {@link
   * PublishedTable#read(java.nio.file.Path, java.nio.file.Path)} gives for the files {@link TableWriter} writes
   * with an {@link OutputOptions#minWidth()} of {@code minWidth}, without writing them: one row per cell with
   * its codes, value (none when suppressed) and status, the definition's dimensions and {@code
   * protection.minWidth}. Carries no protection levels (see {@link TableProtection#published(long)}).
   *
   * @param minWidth the width the audit requires of every primary cell, at least 1
   * @return the table for {@code org.ctdc.deid.audit.TableAudit}
   * @throws IllegalArgumentException if {@code minWidth} is below 1
   * @throws TableException for a DP table ({@link #isDp()}): the LP audit of suppression does not apply to it
   */
  public PublishedTable published(long minWidth) {
    if (minWidth < 1) {
      throw new IllegalArgumentException("minWidth must be at least 1, was " + minWidth);
    }
    if (isDp()) {
      throw new TableException("table '" + org.ctdc.schema.internal.Shown.name(definition.name()) + "': "
          + NOT_AUDITED);
    }
    List<TableDimension> dims = new ArrayList<>();
    for (Dimension d : definition.dimensions()) {
      dims.add(new TableDimension(d.name(), d.total(), d.hierarchy()));
    }
    List<PublishedRow> rows = new ArrayList<>();
    for (Cell c : cells) {
      OptionalDouble value = c.value().isPresent() ? OptionalDouble.of(c.value().getAsLong()) : OptionalDouble.empty();
      rows.add(new PublishedRow(c.nodes(), value, PublishedStatus.fromToken(c.status().token()).orElseThrow()));
    }
    return PublishedTable.of(new PublishedTableDefinition(definition.name(), dims, OptionalDouble.of(minWidth)), rows);
  }
}
