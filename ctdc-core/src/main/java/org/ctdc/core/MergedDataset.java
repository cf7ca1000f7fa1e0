package org.ctdc.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Variable;

/**
 * Aligned datasets of several partners pooled into one dataset of the same schema version, keeping
 * provenance: each row's partner id (and, where the schema has it, its {@code Datasource}, which the
 * partners' specs set). Rows keep the order of the inputs, partner by partner.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class MergedDataset {

  private final Dataset dataset;
  private final List<String> partners;
  private final int[] firstRow;

  private MergedDataset(Dataset dataset, List<String> partners, int[] firstRow) {
    this.dataset = dataset;
    this.partners = List.copyOf(partners);
    this.firstRow = firstRow;
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
          var reason = d.missingReason(r, c);
          if (reason.isPresent()) {
            a.setMissing(c, reason.get());
          } else {
            Variable v = vars.get(c);
            if (v.kind().isInteger()) {
              a.setInt(c, d.intValue(r, c));
            } else if (v.kind().isText()) {
              a.setText(c, d.text(r, c));
            } else if (v.isMultiValued()) {
              a.setCodeSet(c, d.codeSet(r, c));
            } else {
              a.setCode(c, d.code(r, c));
            }
          }
        }
        a.endRow();
      }
    }
    first[parts.size()] = a.rowCount();
    return new MergedDataset(a.build(), ids, first);
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
    int k = 0;
    while (firstRow[k + 1] <= row) {
      k++;
    }
    return partners.get(k);
  }

  /**
   * How many rows a partner contributed.
   *
   * @param partner the partner id
   * @return the row count, 0 for an unknown partner
   */
  public int rowsOf(String partner) {
    int k = partners.indexOf(partner);
    return k < 0 ? 0 : firstRow[k + 1] - firstRow[k];
  }

  @Override
  public String toString() {
    return "MergedDataset[" + dataset.schema().id() + ", " + dataset.rowCount() + " rows, partners " + partners + "]";
  }
}
