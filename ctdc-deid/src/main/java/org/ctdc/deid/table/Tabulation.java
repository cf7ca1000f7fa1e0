package org.ctdc.deid.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.ctdc.schema.internal.Shown;
import org.jspecify.annotations.Nullable;

/**
 * Tabulates a {@link Dataset} into a {@link Table}. Each dimension is bound to a variable; a record's
 * category in it is the variable's code (for flags {@code 0} / {@code 1}, for years and counts the number),
 * mapped through an optional code → leaf map (such as ISO3 → itself, or year → year). A record whose value is
 * missing, or whose code is not a leaf of the dimension, is left out and counted.
 *
 * <p>Flag groups follow CTDC's denominator rule: {@link #flagGroup} makes one table per flag, over the
 * records with at least one flag of the group set; a record with none set is left out of every table of the
 * group. Such tables share their totals and must be protected together.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class Tabulation {
  private Tabulation() {}

  /**
   * The result of a tabulation.
   *
   * @param table the table
   * @param rowsRead rows in the dataset
   * @param rowsLeftOut rows left out (missing value, code not a leaf, outside a flag group's denominator)
   * @param cellOfRow the inner cell of each row, -1 when left out (for cell keys)
   */
  public record Result(Table table, int rowsRead, int rowsLeftOut, int[] cellOfRow) {
    /** Copies. */
    public Result {
      cellOfRow = cellOfRow.clone();
    }

    /** @return a copy of the inner cell index of each row, -1 when left out */
    @Override
    public int[] cellOfRow() {
      return cellOfRow.clone();
    }
  }

  /**
   * Tabulates counts, each record in the leaf named by its codes (the common case: no code → leaf map, no
   * magnitude, every row).
   *
   * @param data the records
   * @param definition the table
   * @param variables one variable name per dimension
   * @return the table with row accounting
   * @throws TableException as {@link #tabulate(Dataset, TableDefinition, List, Map, Optional, Optional)}
   */
  public static Result tabulate(Dataset data, TableDefinition definition, List<String> variables) {
    return tabulate(data, definition, variables, Map.of());
  }

  /**
   * Tabulates counts over every row, each record's code mapped to a leaf where a map is given (such as
   * {@link Dimension#leafOf(org.ctdc.deid.Hierarchy, int)}: country → region).
   *
   * @param data the records
   * @param definition the table
   * @param variables one variable name per dimension
   * @param leafOf per dimension name, a map code → leaf; a dimension without one takes the codes as leaves
   * @return the table with row accounting
   * @throws TableException as {@link #tabulate(Dataset, TableDefinition, List, Map, Optional, Optional)}
   */
  public static Result tabulate(Dataset data, TableDefinition definition, List<String> variables,
      Map<String, Map<String, String>> leafOf) {
    return tabulate(data, definition, variables, leafOf, Optional.empty(), Optional.empty());
  }

  /**
   * Tabulates counts (or, with a magnitude variable, sums with each record a contributor).
   *
   * @param data the records
   * @param definition the table
   * @param variables one variable name per dimension
   * @param leafOf per dimension name, an optional map code → leaf
   * @param magnitude the integer variable to sum, or empty for counts
   * @param filter rows to include (null-free), such as a flag group's denominator; all when empty
   * @return the table with row accounting
   * @throws TableException naming the table and variable when a variable is unknown or of a kind that
   *     cannot be a dimension (free text, multi-valued)
   */
  public static Result tabulate(Dataset data, TableDefinition definition, List<String> variables,
      Map<String, Map<String, String>> leafOf, Optional<String> magnitude, Optional<boolean[]> filter) {
    List<Dimension> dims = definition.dimensions();
    if (variables.size() != dims.size()) {
      throw new TableException("table '" + definition.name() + "': one variable per dimension");
    }
    int[] cols = new int[dims.size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = column(data, definition, variables.get(i));
      Variable v = data.variable(cols[i]);
      if (v.kind() == VariableKind.FREE_TEXT || v.isMultiValued() || v.kind().isText()) {
        throw new TableException("table '" + definition.name() + "': variable '" + v.name()
            + "' cannot be a dimension (free text or multi-valued)");
      }
    }
    int magCol = -1;
    if (magnitude.isPresent()) {
      magCol = column(data, definition, magnitude.get());
      if (!data.variable(magCol).kind().isInteger()) {
        throw new TableException("table '" + definition.name() + "': magnitude variable '" + magnitude.get()
            + "' is not a count or year");
      }
    }
    Table.Builder b = Table.builder(definition, magCol >= 0 ? Table.Kind.MAGNITUDE : Table.Kind.COUNT);
    // each dimension's leaf index of each stored code, looked up once per code rather than once per row
    // (issue 19): a record's cell is then a row-major index computed from integers only
    LeafLookup[] lookup = new LeafLookup[cols.length];
    int[] sizes = new int[cols.length];
    for (int i = 0; i < cols.length; i++) {
      Dimension d = dims.get(i);
      lookup[i] = new LeafLookup(data.variable(cols[i]), d, leafOf.get(d.name()));
      sizes[i] = d.leaves().size();
    }
    int[] cellOfRow = new int[data.rowCount()];
    int left = 0;
    for (int row = 0; row < data.rowCount(); row++) {
      cellOfRow[row] = -1;
      if (filter.isPresent() && !filter.get()[row]) {
        left++;
        continue;
      }
      int idx = 0;
      int unknown = -1;
      for (int i = 0; i < cols.length; i++) {
        int leaf = data.isMissing(row, cols[i]) ? -1 : lookup[i].leaf(data, row, cols[i]);
        if (leaf == LeafLookup.UNKNOWN_LEAF) {
          unknown = unknown < 0 ? i : unknown;
          leaf = 0;
        } else if (leaf < 0) {
          idx = -1;
          break;
        }
        idx = idx * sizes[i] + leaf;
      }
      if (idx >= 0 && unknown >= 0) {
        throw new TableException("table '" + Shown.name(definition.name()) + "': dimension '"
            + Shown.name(dims.get(unknown).name()) + "' has no such leaf (leaves given are not quoted)");
      }
      if (idx >= 0 && magCol >= 0 && data.isMissing(row, magCol)) {
        idx = -1;
      }
      if (idx < 0) {
        left++;
        continue;
      }
      cellOfRow[row] = idx;
      b.add(idx, magCol >= 0 ? Math.max(0, data.intValue(row, magCol)) : 1);
    }
    return new Result(b.build(), data.rowCount(), left, cellOfRow);
  }

  /**
   * The denominator of a flag group: rows with at least one of the flags set to yes.
   *
   * @param data the records
   * @param flags the flag variables of the group
   * @return one boolean per row
   * @throws TableException naming the variable when it is not a flag
   */
  public static boolean[] flagGroupDenominator(Dataset data, List<String> flags) {
    boolean[] in = new boolean[data.rowCount()];
    for (String f : flags) {
      int col = data.schema().indexOf(f);
      if (col < 0 || data.variable(col).kind() != VariableKind.FLAG) {
        throw new TableException("flag group: '" + f + "' is not a flag variable of schema " + data.schema().id());
      }
      for (int row = 0; row < in.length; row++) {
        in[row] |= data.code(row, col) == 1;
      }
    }
    return in;
  }

  /**
   * The dimension of one flag of a group: leaves {@code 0} (no) and {@code 1} (yes) under the total.
   *
   * @param flag the flag variable's name
   * @param total the total label
   * @return the dimension
   */
  public static Dimension flagDimension(String flag, String total) {
    return Dimension.flat(flag, total, List.of("0", "1"));
  }

  /**
   * One definition per flag of a group: the flag's dimension first, then the given dimensions.
   *
   * @param name the group table's name; each table is named {@code name.FLAG}
   * @param flags the flags
   * @param others the other dimensions
   * @return the definitions, in flag order
   */
  public static List<TableDefinition> flagGroup(String name, List<String> flags, List<Dimension> others) {
    List<TableDefinition> out = new ArrayList<>();
    for (String f : flags) {
      List<Dimension> ds = new ArrayList<>();
      ds.add(flagDimension(f, "Total"));
      ds.addAll(others);
      out.add(TableDefinition.of(name + "." + f, ds));
    }
    return out;
  }

  private static int column(Dataset data, TableDefinition def, String name) {
    int c = data.schema().indexOf(name);
    if (c < 0) {
      throw new TableException("table '" + def.name() + "': schema " + data.schema().id() + " has no variable '"
          + name + "'");
    }
    return c;
  }

  /**
   * One dimension's leaf (its index in {@link Dimension#leaves()}, or -1 when the record falls outside the
   * table) of each value a column stores: a code is taken as its token (a flag as {@code 0} or {@code 1}, an
   * integer in decimal), mapped through the dimension's leaf map when there is one. Codes are resolved up
   * front; integers as they are met, once each. Not thread-safe (one tabulation).
   */
  private static final class LeafLookup {
    static final int UNKNOWN_LEAF = -2;
    private final Variable variable;
    private final Map<String, Integer> leafIndex = new HashMap<>();
    private final @Nullable Map<String, String> map;
    private final int[] byCode;
    private final Map<Integer, Integer> byInt = new HashMap<>();

    private final Dimension dimension;

    LeafLookup(Variable variable, Dimension dimension, @Nullable Map<String, String> map) {
      this.variable = variable;
      this.dimension = dimension;
      this.map = map;
      List<String> leaves = dimension.leaves();
      for (int l = 0; l < leaves.size(); l++) {
        leafIndex.putIfAbsent(leaves.get(l), l);
      }
      if (variable.kind() == VariableKind.FLAG) {
        byCode = new int[] {ofToken("0"), ofToken("1")};
      } else if (variable.kind().isInteger()) {
        byCode = new int[0];
      } else {
        byCode = new int[variable.values().size()];
        for (int c = 0; c < byCode.length; c++) {
          byCode[c] = ofToken(variable.values().code(c).code());
        }
      }
    }

    private int ofToken(String token) {
      String leaf = map == null ? token : map.get(token);
      if (leaf == null) {
        return -1;
      }
      if (!dimension.isLeaf(leaf)) {
        return -1;
      }
      Integer l = leafIndex.get(leaf);
      // a leaf of the hierarchy missing from the dimension's leaf list: refused as Table.Builder#index does
      return l == null ? UNKNOWN_LEAF : l;
    }

    /** The leaf of a row's value, which is not missing. */
    int leaf(Dataset data, int row, int col) {
      if (variable.kind() == VariableKind.FLAG) {
        return byCode[data.code(row, col) == 1 ? 1 : 0];
      }
      if (variable.kind().isInteger()) {
        return byInt.computeIfAbsent(data.intValue(row, col), v -> ofToken(Integer.toString(v)));
      }
      return byCode[data.code(row, col)];
    }
  }
}
