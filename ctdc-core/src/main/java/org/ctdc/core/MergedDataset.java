package org.ctdc.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Variable;

/**
 * Aligned datasets of several partners pooled into one dataset of the same schema version, keeping
 * provenance: each row's partner id (and, where the schema has it, its {@code Datasource}, which the
 * partners' specs set). Rows keep the order of the inputs, partner by partner.
 *
 * <p><b>Without double counting</b> ({@link #of(List, List)}, issue 18): rows known to stand for the same person
 * (found by record linkage) are merged into one row, placed where the first of them is in pooling order. Each
 * variable takes the value of the first of the rows (in pooling order) that has one; when two of the rows have
 * different values for a variable, the first is kept and a conflict is counted for that variable (once per
 * merged row). A variable missing in all of them keeps the first row's missing reason. {@link #sources(int)}
 * names every row a merged row came from.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class MergedDataset {

  /**
   * A row of one partner's dataset.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param partner the partner id
   * @param row the 0-based row of that partner's dataset
   */
  public record RowRef(String partner, int row) {
    /** Validates. */
    public RowRef {
      Objects.requireNonNull(partner, "partner");
    }
  }

  private final Dataset dataset;
  private final List<String> partners;
  private final int[] firstRow;
  private final List<List<RowRef>> sources;
  private final int[] partnerOfRow;
  private final Map<String, Long> conflicts;

  private MergedDataset(Dataset dataset, List<String> partners, int[] firstRow) {
    this(dataset, partners, firstRow, List.of(), new int[0], Map.of());
  }

  private MergedDataset(Dataset dataset, List<String> partners, int[] firstRow, List<List<RowRef>> sources,
      int[] partnerOfRow, Map<String, Long> conflicts) {
    this.dataset = dataset;
    this.partners = List.copyOf(partners);
    this.firstRow = firstRow;
    this.sources = sources;
    this.partnerOfRow = partnerOfRow;
    this.conflicts = conflicts;
  }

  /**
   * Pools datasets of one schema version.
   *
   * @param parts the partners' datasets, in the order their rows are pooled; at least one
   * @return the pooled dataset with provenance
   * @throws CtdcException naming both schemas when the datasets are not of the same schema (name and
   *     version), or naming the partner when a partner id repeats
   * @throws IllegalArgumentException if no dataset is given
   */
  public static MergedDataset of(List<PartnerDataset> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    Schema schema = parts.get(0).dataset().schema();
    HashSet<String> seen = new HashSet<>();
    for (PartnerDataset p : parts) {
      Schema s = p.dataset().schema();
      if (!s.id().equals(schema.id()) || !s.equals(schema)) {
        throw new CtdcException(
            "cannot merge: partner '" + p.partner() + "' has schema " + s.id() + " but partner '"
                + parts.get(0).partner() + "' has " + schema.id()
                + (s.id().equals(schema.id()) ? " with different variables" : "")
                + "; align both to the same schema version first");
      }
      if (!seen.add(p.partner())) {
        throw new CtdcException("cannot merge: partner id '" + p.partner() + "' appears twice");
      }
    }
    Dataset.Appender a = Dataset.appender(schema);
    List<Variable> vars = schema.variables();
    int[] first = new int[parts.size() + 1];
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < parts.size(); k++) {
      Dataset d = parts.get(k).dataset();
      ids.add(parts.get(k).partner());
      first[k] = a.rowCount();
      for (int r = 0; r < d.rowCount(); r++) {
        for (int c = 0; c < vars.size(); c++) {
          copy(d, r, c, vars.get(c), a);
        }
        a.endRow();
      }
    }
    first[parts.size()] = a.rowCount();
    return new MergedDataset(a.build(), ids, first);
  }

  /**
   * Pools datasets of one schema version, merging the rows of each group into one (the rule is in the class
   * documentation).
   *
   * @param parts the partners' datasets, in the order their rows are pooled; at least one
   * @param samePerson groups of rows that stand for one person, each of at least two rows; a row in at most one
   *     group
   * @return the pooled dataset with provenance
   * @throws CtdcException as {@link #of(List)} does, or naming the partner and row when a group names an unknown
   *     partner, a row out of range or a row already in another group
   * @throws IllegalArgumentException if no dataset is given or a group has fewer than two rows
   */
  public static MergedDataset of(List<PartnerDataset> parts, List<List<RowRef>> samePerson) {
    MergedDataset pooled = of(parts);
    if (samePerson.isEmpty()) {
      return pooled;
    }
    Dataset all = pooled.dataset;
    int[] group = new int[all.rowCount()];
    Arrays.fill(group, -1);
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < pooled.partners.size(); k++) {
      index.put(pooled.partners.get(k), k);
    }
    List<int[]> groups = new ArrayList<>();
    for (int g = 0; g < samePerson.size(); g++) {
      List<RowRef> refs = samePerson.get(g);
      if (refs.size() < 2) {
        throw new IllegalArgumentException("a group of rows of one person needs at least two rows");
      }
      int[] rows = new int[refs.size()];
      for (int i = 0; i < refs.size(); i++) {
        RowRef ref = refs.get(i);
        Integer k = index.get(ref.partner());
        if (k == null) {
          throw new CtdcException("cannot merge: a match names partner '" + ref.partner() + "', which is not merged");
        }
        if (ref.row() < 0 || ref.row() >= pooled.firstRow[k + 1] - pooled.firstRow[k]) {
          throw new CtdcException("cannot merge: a match names row " + (ref.row() + 1) + " of partner '" + ref.partner()
              + "', which has " + (pooled.firstRow[k + 1] - pooled.firstRow[k]) + " rows");
        }
        int at = pooled.firstRow[k] + ref.row();
        if (group[at] >= 0) {
          throw new CtdcException("cannot merge: row " + (ref.row() + 1) + " of partner '" + ref.partner()
              + "' is in two matches");
        }
        group[at] = g;
        rows[i] = at;
      }
      Arrays.sort(rows);
      groups.add(rows);
    }
    Schema schema = all.schema();
    List<Variable> vars = schema.variables();
    Dataset.Appender a = Dataset.appender(schema);
    List<List<RowRef>> sources = new ArrayList<>();
    List<Integer> partnerOf = new ArrayList<>();
    long[] conflict = new long[vars.size()];
    for (int r = 0; r < all.rowCount(); r++) {
      int g = group[r];
      if (g >= 0 && groups.get(g)[0] != r) {
        continue; // merged into the group's first row
      }
      int[] rows = g >= 0 ? groups.get(g) : new int[] {r};
      for (int c = 0; c < vars.size(); c++) {
        int from = -1;
        for (int x : rows) {
          if (!all.isMissing(x, c)) {
            if (from < 0) {
              from = x;
            } else if (!all.token(x, c).equals(all.token(from, c))) {
              conflict[c]++;
              break;
            }
          }
        }
        copy(all, from < 0 ? rows[0] : from, c, vars.get(c), a);
      }
      a.endRow();
      List<RowRef> src = new ArrayList<>();
      for (int x : rows) {
        int k = pooled.partnerIndex(x);
        src.add(new RowRef(pooled.partners.get(k), x - pooled.firstRow[k]));
      }
      sources.add(List.copyOf(src));
      partnerOf.add(pooled.partnerIndex(rows[0]));
    }
    Map<String, Long> conflicts = new TreeMap<>();
    for (int c = 0; c < vars.size(); c++) {
      if (conflict[c] > 0) {
        conflicts.put(vars.get(c).name(), conflict[c]);
      }
    }
    int[] po = new int[partnerOf.size()];
    for (int i = 0; i < po.length; i++) {
      po[i] = partnerOf.get(i);
    }
    return new MergedDataset(a.build(), pooled.partners, pooled.firstRow, List.copyOf(sources), po,
        java.util.Collections.unmodifiableMap(conflicts));
  }

  private static void copy(Dataset d, int r, int c, Variable v, Dataset.Appender a) {
    var reason = d.missingReason(r, c);
    if (reason.isPresent()) {
      a.setMissing(c, reason.get());
    } else if (v.kind().isInteger()) {
      a.setInt(c, d.intValue(r, c));
    } else if (v.kind().isText()) {
      a.setText(c, d.text(r, c));
    } else if (v.isMultiValued()) {
      a.setCodeSet(c, d.codeSet(r, c));
    } else {
      a.setCode(c, d.code(r, c));
    }
  }

  private int partnerIndex(int row) {
    int k = 0;
    while (firstRow[k + 1] <= row) {
      k++;
    }
    return k;
  }

  /**
   * The rows a row came from: one for a pooled row, two or more for a merged one.
   *
   * @param row a row index of {@link #dataset()}
   * @return the partner and row of each source row, in pooling order
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public List<RowRef> sources(int row) {
    Objects.checkIndex(row, dataset.rowCount());
    if (partnerOfRow.length == 0) {
      int k = partnerIndex(row);
      return List.of(new RowRef(partners.get(k), row - firstRow[k]));
    }
    return sources.get(row);
  }

  /**
   * The conflicts of merged rows: per variable, how many merged rows had two different values for it.
   *
   * @return variable name to count, in name order; empty without merged rows or conflicts
   */
  public Map<String, Long> conflicts() {
    return conflicts;
  }

  /** @return the pooled rows */
  public Dataset dataset() {
    return dataset;
  }

  /** @return the partner ids, in pooling order */
  public List<String> partners() {
    return partners;
  }

  /**
   * The partner a row came from.
   *
   * @param row a row index of {@link #dataset()}
   * @return the partner id
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public String partnerOf(int row) {
    Objects.checkIndex(row, dataset.rowCount());
    if (partnerOfRow.length > 0) {
      return partners.get(partnerOfRow[row]);
    }
    int k = 0;
    while (firstRow[k + 1] <= row) {
      k++;
    }
    return partners.get(k);
  }

  /**
   * How many rows a partner contributed (a merged row counts for the partner of its first source).
   *
   * @param partner the partner id
   * @return the row count, 0 for an unknown partner
   */
  public int rowsOf(String partner) {
    int k = partners.indexOf(partner);
    if (k < 0) {
      return 0;
    }
    if (partnerOfRow.length > 0) {
      int n = 0;
      for (int p : partnerOfRow) {
        n += p == k ? 1 : 0;
      }
      return n;
    }
    return firstRow[k + 1] - firstRow[k];
  }

  @Override
  public String toString() {
    return "MergedDataset[" + dataset.schema().id() + ", " + dataset.rowCount() + " rows, partners " + partners + "]";
  }
}
