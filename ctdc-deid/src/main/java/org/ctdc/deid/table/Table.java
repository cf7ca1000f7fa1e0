package org.ctdc.deid.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ctdc.schema.internal.Shown;

/**
 * A tabulated table before protection: the value of every inner (all-leaf) cell, and for a magnitude table
 * each contributor's value in each inner cell, from which the dominance rules are computed. Margins are
 * sums of inner cells and are computed, never stored.
 *
 * <p>Inner cells are addressed by an index in row-major order over the dimensions' leaves (the last
 * dimension varies fastest), leaves in {@link Dimension#leaves()} order.
 *
 * <p>Instances are immutable and thread-safe; {@link Builder} is not thread-safe.
 */
public final class Table {

  /** What a table's cells hold. */
  public enum Kind {
    /** Each cell is a count of records. */
    COUNT,
    /** Each cell is a sum of contributions (non-negative amounts), and each contribution is kept. */
    MAGNITUDE
  }

  private final TableDefinition definition;
  private final Kind kind;
  private final long[] inner;
  private final long[][] contributions;

  private Table(TableDefinition definition, Kind kind, long[] inner, long[][] contributions) {
    this.definition = definition;
    this.kind = kind;
    this.inner = inner;
    this.contributions = contributions;
  }

  /**
   * A count table from its inner cells.
   *
   * @param definition the definition
   * @param innerCounts one count per inner cell, row-major
   * @return the table
   * @throws TableException when the length is wrong or a count is negative
   */
  public static Table ofCounts(TableDefinition definition, long[] innerCounts) {
    if (innerCounts.length != definition.innerCellCount()) {
      throw new TableException("table '" + definition.name() + "': " + definition.innerCellCount()
          + " inner cells expected, " + innerCounts.length + " given");
    }
    for (long c : innerCounts) {
      if (c < 0) {
        throw new TableException("table '" + definition.name() + "': a count is negative");
      }
    }
    return new Table(definition, Kind.COUNT, innerCounts.clone(), new long[0][]);
  }

  /**
   * Starts a table.
   *
   * @param definition the definition
   * @param kind count or magnitude
   * @return a builder, not thread-safe
   * @throws TableException when the table has more than 2^31 - 1 inner cells
   */
  public static Builder builder(TableDefinition definition, Kind kind) {
    return new Builder(definition, kind);
  }

  /** @return the definition */
  public TableDefinition definition() {
    return definition;
  }

  /** @return count or magnitude */
  public Kind kind() {
    return kind;
  }

  /** @return the number of inner cells */
  public int innerCellCount() {
    return inner.length;
  }

  /**
   * The value of an inner cell.
   *
   * @param index the row-major index
   * @return the count or sum
   * @throws IndexOutOfBoundsException when out of range
   */
  public long innerValue(int index) {
    return inner[index];
  }

  /**
   * The contributions to an inner cell of a magnitude table.
   *
   * @param index the row-major index
   * @return the contributors' values (a copy), empty for a count table
   * @throws IndexOutOfBoundsException when out of range
   */
  public long[] contributions(int index) {
    Objects.checkIndex(index, inner.length);
    return kind == Kind.COUNT ? new long[0] : contributions[index].clone();
  }

  /**
   * The value of any cell, inner or margin, by its node in each dimension.
   *
   * @param nodes one node name per dimension (a leaf, a margin or the total)
   * @return the sum of the inner cells under it
   * @throws TableException naming the dimension and node when a node is unknown
   */
  public long value(String... nodes) {
    List<Dimension> dims = definition.dimensions();
    if (nodes.length != dims.size()) {
      throw new TableException("table '" + definition.name() + "': " + dims.size() + " nodes expected");
    }
    int[][] leafSets = new int[dims.size()][];
    for (int i = 0; i < dims.size(); i++) {
      Dimension d = dims.get(i);
      if (!d.contains(nodes[i])) {
        throw new TableException(
            "table '" + Shown.name(definition.name()) + "': dimension '" + Shown.name(d.name())
                + "' has no such node (nodes given are not quoted)");
      }
      List<String> under = new ArrayList<>();
      collect(d, nodes[i], under);
      leafSets[i] = under.stream().mapToInt(d.leaves()::indexOf).toArray();
    }
    return sum(leafSets, 0, 0);
  }

  private long sum(int[][] leafSets, int dim, int base) {
    if (dim == leafSets.length) {
      return inner[base];
    }
    int radix = definition.dimensions().get(dim).leaves().size();
    long s = 0;
    for (int l : leafSets[dim]) {
      s += sum(leafSets, dim + 1, base * radix + l);
    }
    return s;
  }

  private static void collect(Dimension d, String node, List<String> out) {
    List<String> ch = d.hierarchy().get(node);
    if (ch == null) {
      out.add(node);
    } else {
      for (String c : ch) {
        collect(d, c, out);
      }
    }
  }

  /**
   * Adds up two tables of the same definition and kind, cell by cell (contributions are concatenated).
   *
   * @param other the other table
   * @return a new table
   * @throws TableException when the definitions or kinds differ
   */
  public Table plus(Table other) {
    if (!other.definition.equals(definition) || other.kind != kind) {
      throw new TableException("table '" + definition.name() + "': cannot add a table of another definition");
    }
    long[] s = inner.clone();
    long[][] c = kind == Kind.COUNT ? contributions : new long[inner.length][];
    for (int i = 0; i < s.length; i++) {
      s[i] += other.inner[i];
      if (kind == Kind.MAGNITUDE) {
        long[] a = contributions[i];
        long[] b = other.contributions[i];
        long[] m = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, m, a.length, b.length);
        c[i] = m;
      }
    }
    return new Table(definition, kind, s, c);
  }

  @Override
  public String toString() {
    return "Table[" + definition.name() + ", " + kind + ", " + inner.length + " inner cells]";
  }

  /**
   * Accumulates a table record by record. Not thread-safe.
   */
  public static final class Builder {
    private final TableDefinition definition;
    private final Kind kind;
    private final long[] inner;
    private final long[][] contributions;
    private final int[] contributionCount;
    private final List<Map<String, Integer>> leafIndex = new ArrayList<>();

    private Builder(TableDefinition definition, Kind kind) {
      this.definition = definition;
      this.kind = Objects.requireNonNull(kind, "kind");
      long n = definition.innerCellCount();
      if (n > Integer.MAX_VALUE - 8) {
        throw new TableException("table '" + definition.name() + "' has too many inner cells (" + n + ")");
      }
      inner = new long[(int) n];
      contributions = kind == Kind.MAGNITUDE ? new long[(int) n][] : new long[0][];
      contributionCount = kind == Kind.MAGNITUDE ? new int[(int) n] : new int[0];
      for (Dimension d : definition.dimensions()) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < d.leaves().size(); i++) {
          m.put(d.leaves().get(i), i);
        }
        leafIndex.add(m);
      }
    }

    /**
     * The row-major index of an inner cell.
     *
     * @param leaves one leaf per dimension
     * @return the index
     * @throws TableException naming the dimension when a name is not one of its leaves
     */
    public int index(String... leaves) {
      if (leaves.length != leafIndex.size()) {
        throw new TableException("table '" + definition.name() + "': " + leafIndex.size() + " leaves expected");
      }
      int idx = 0;
      for (int i = 0; i < leaves.length; i++) {
        Integer l = leafIndex.get(i).get(leaves[i]);
        if (l == null) {
          throw new TableException("table '" + Shown.name(definition.name()) + "': dimension '"
              + Shown.name(definition.dimensions().get(i).name()) + "' has no such leaf (leaves given are not quoted)");
        }
        idx = idx * leafIndex.get(i).size() + l;
      }
      return idx;
    }

    /**
     * Adds to a count (count tables) or adds one contribution (magnitude tables).
     *
     * @param index the inner cell's row-major index
     * @param value the count to add, or the contributor's value; not negative
     * @return this builder
     * @throws TableException when the value is negative
     */
    public Builder add(int index, long value) {
      if (value < 0) {
        throw new TableException("table '" + definition.name() + "': negative value");
      }
      inner[index] += value;
      if (kind == Kind.MAGNITUDE) {
        long[] c = contributions[index];
        if (c == null) {
          c = new long[2];
        } else if (contributionCount[index] == c.length) {
          c = Arrays.copyOf(c, c.length * 2);
        }
        c[contributionCount[index]++] = value;
        contributions[index] = c;
      }
      return this;
    }

    /**
     * Adds to the cell named by its leaves.
     *
     * @param value the count to add, or the contributor's value
     * @param leaves one leaf per dimension
     * @return this builder
     * @throws TableException when a leaf is unknown or the value negative
     */
    public Builder add(long value, String... leaves) {
      return add(index(leaves), value);
    }

    /**
     * Builds the table; the builder may be used again.
     *
     * @return the table
     */
    public Table build() {
      long[][] c = new long[contributions.length][];
      for (int i = 0; i < c.length; i++) {
        c[i] = contributions[i] == null ? new long[0] : Arrays.copyOf(contributions[i], contributionCount[i]);
      }
      return new Table(definition, kind, inner.clone(), c);
    }
  }
}
