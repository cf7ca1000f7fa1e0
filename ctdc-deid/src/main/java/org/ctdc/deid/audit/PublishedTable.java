package org.ctdc.deid.audit;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ctdc.deid.audit.internal.LevelsJson;
import org.ctdc.deid.audit.internal.TableCsv;
import org.ctdc.schema.internal.Shown;
import org.ctdc.schema.internal.StrictTree;

/**
 * A published table in {@code tableFormat: 1}: its definition and its rows (cells at any level of the
 * hierarchies, margins included). Cells that are not listed are not published (the attacker knows nothing
 * of them beyond additivity and non-negativity).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PublishedTable {
  private final PublishedTableDefinition definition;
  private final List<PublishedRow> rows;
  private final Map<CellRef, CellProtection> levels;

  private PublishedTable(PublishedTableDefinition definition, List<PublishedRow> rows, Map<CellRef, CellProtection> levels) {
    this.definition = definition;
    this.rows = rows;
    this.levels = levels;
  }

  /**
   * A table from memory.
   *
   * @param definition the definition
   * @param rows the rows; each has one code per dimension, a node of that dimension; no cell twice
   * @return the table
   * @throws TableFormatException if a row has the wrong number of codes, an unknown code, or repeats a
   *     cell (the message names the row number, 1-based, and the dimension, never a code)
   */
  public static PublishedTable of(PublishedTableDefinition definition, List<PublishedRow> rows) {
    Objects.requireNonNull(definition, "definition");
    List<PublishedRow> copy = List.copyOf(rows);
    List<TableDimension> dims = definition.dimensions();
    List<Set<String>> nodes = dims.stream().map(d -> Set.copyOf(d.nodes())).toList();
    Map<List<String>, Integer> seen = new HashMap<>();
    String table = "table '" + Shown.name(definition.name()) + "': row ";
    for (int r = 0; r < copy.size(); r++) {
      PublishedRow row = copy.get(r);
      if (row.codes().size() != dims.size()) {
        throw new TableFormatException(table + (r + 1) + ": has "
            + row.codes().size() + " codes, the definition has " + dims.size() + " dimensions");
      }
      for (int d = 0; d < dims.size(); d++) {
        if (!nodes.get(d).contains(row.codes().get(d))) {
          throw new TableFormatException(table + (r + 1) + ": column '" + Shown.name(dims.get(d).name())
              + "': a code that is not in the dimension's hierarchy (codes are not quoted)");
        }
      }
      Integer before = seen.putIfAbsent(row.codes(), r);
      if (before != null) {
        throw new TableFormatException(table + (r + 1) + ": lists the cell of row " + (before + 1)
            + " again (a cell may be listed once only)");
      }
    }
    return new PublishedTable(definition, copy, Map.of());
  }

  /**
   * Reads a table CSV with its definition JSON.
   *
   * @param csv the table, one column per dimension, then {@code value} and {@code status}
   * @param definitionJson the definition
   * @return the table
   * @throws TableFormatException if either file cannot be read or breaks the format (the message names
   *     file, line and column, never a value)
   */
  public static PublishedTable read(Path csv, Path definitionJson) {
    return read(csv, definitionJson, StrictTree.folder(definitionJson));
  }

  /**
   * Reads a table CSV with its definition JSON, and the confidential levels file the definition names (if
   * it names one) from the publisher's folder of levels files, which is not published with the tables.
   *
   * @param csv the table, one column per dimension, then {@code value} and {@code status}
   * @param definitionJson the definition
   * @param levelsDir the folder holding the levels file the definition names
   * @return the table
   * @throws TableFormatException if a file cannot be read or breaks the format (the message names file,
   *     line and column, never a value)
   */
  public static PublishedTable read(Path csv, Path definitionJson, Path levelsDir) {
    PublishedTableDefinition def = PublishedTableDefinition.read(definitionJson);
    PublishedTable t = TableCsv.read(csv, def);
    if (def.levels().isPresent()) {
      t = t.withLevels(LevelsJson.read(levelsDir.resolve(def.levels().get()), def));
    }
    return t;
  }

  /**
   * This table with the publisher's protection levels of its primary cells (as read from the levels file
   * its definition names; see {@link CellProtection}). The audit checks them and, when the definition names a
   * levels file, requires one for every primary cell.
   *
   * @param protections cell to protection; every cell must be of this table
   * @return the copy
   * @throws TableFormatException if a cell is not of this table
   */
  public PublishedTable withLevels(Map<CellRef, CellProtection> protections) {
    for (CellRef c : protections.keySet()) {
      if (!c.table().equals(definition.name()) || c.codes().size() != definition.dimensions().size()) {
        throw new TableFormatException("table '" + Shown.name(definition.name())
            + "': a protection level names a cell of another table");
      }
    }
    return new PublishedTable(definition, rows, java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(protections)));
  }

  /**
   * The publisher's protection levels of the primary cells (empty when none were given).
   *
   * @return an immutable map
   */
  public Map<CellRef, CellProtection> levels() {
    return levels;
  }

  /**
   * Writes this table as a {@code tableFormat: 1} CSV (header, then the rows in order, {@code \n} line
   * ends, values in shortest round-trip form, integers without a decimal point), with the formula guard on
   * ({@link org.ctdc.schema.FormulaGuard}; {@link #read} reads a guarded label back as the definition's).
   *
   * @param csv the file to write
   * @throws org.ctdc.schema.CtdcException naming the file and the reason if it cannot be written
   */
  public void writeCsv(Path csv) {
    writeCsv(csv, org.ctdc.schema.CsvWriteOptions.defaults());
  }

  /**
   * Writes this table as a {@code tableFormat: 1} CSV with the given write options.
   *
   * @param csv the file to write
   * @param options the formula guard on or off
   * @throws org.ctdc.schema.CtdcException naming the file and the reason if it cannot be written
   */
  public void writeCsv(Path csv, org.ctdc.schema.CsvWriteOptions options) {
    TableCsv.write(this, csv, options);
  }

  /**
   * The definition.
   *
   * @return the definition
   */
  public PublishedTableDefinition definition() {
    return definition;
  }

  /**
   * The table's name (the definition's).
   *
   * @return the name
   */
  public String name() {
    return definition.name();
  }

  /**
   * The rows in their order.
   *
   * @return an immutable list
   */
  public List<PublishedRow> rows() {
    return rows;
  }
}
