package org.ctdc.deid.risk.internal;

import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Variable;

/** Copies a dataset cell by cell, letting a callback replace cells. Not API. */
public final class DatasetCopy {
  private DatasetCopy() {}

  /**
   * The reason of a negative missing constant of {@link Dataset}.
   *
   * @param code the constant
   * @return the reason
   */
  public static MissingReason reasonOf(int code) {
    for (MissingReason m : REASONS) {
      if (Dataset.missingCode(m) == code) {
        return m;
      }
    }
    throw new IllegalStateException("not a missing constant: " + code);
  }

  /** The reasons, once: {@code values()} copies its array at every call, once per missing cell (issue 19). */
  private static final MissingReason[] REASONS = MissingReason.values();

  /** Decides the cells of one column that change. */
  public interface ColumnEdit {
    /**
     * @param row the row
     * @return true when the cell is to be blanked with reason SUPPRESSED
     */
    boolean suppress(int row);
  }

  /** Replaces integer cells. */
  public interface IntEdit {
    /**
     * @param value the old value
     * @return the new value
     */
    int apply(int value);
  }

  /**
   * Copies a dataset, blanking the cells chosen per column and recoding integer cells of one column.
   *
   * @param data the source
   * @param suppress per column an edit, or null to keep the column
   * @param intColumn a column whose integer values are recoded, or -1
   * @param intEdit the recoding
   * @return the copy
   */
  public static Dataset copy(
      Dataset data, @org.jspecify.annotations.Nullable ColumnEdit[] suppress, int intColumn,
      @org.jspecify.annotations.Nullable IntEdit intEdit) {
    Dataset.Appender a = Dataset.appender(data.schema());
    int cols = data.columnCount();
    int n = data.rowCount();
    int[][] codes = new int[cols][];
    for (int c = 0; c < cols; c++) {
      Variable v = data.variable(c);
      if (v.kind().isClosed() && !v.isMultiValued()) {
        codes[c] = data.codes(c);
      }
    }
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < cols; c++) {
        ColumnEdit e = suppress[c];
        if (e != null && e.suppress(r)) {
          a.setMissing(c, MissingReason.SUPPRESSED);
          continue;
        }
        if (codes[c] != null) {
          int code = codes[c][r];
          if (code < 0) {
            a.setMissing(c, reasonOf(code));
          } else {
            a.setCode(c, code);
          }
          continue;
        }
        java.util.Optional<MissingReason> m = data.missingReason(r, c);
        if (m.isPresent()) {
          a.setMissing(c, m.get());
          continue;
        }
        Variable v = data.variable(c);
        if (v.isMultiValued()) {
          a.setCodeSet(c, data.codeSet(r, c));
        } else if (v.kind().isInteger()) {
          int x = data.intValue(r, c);
          a.setInt(c, c == intColumn && intEdit != null ? intEdit.apply(x) : x);
        } else {
          a.setText(c, data.text(r, c));
        }
      }
      a.endRow();
    }
    return a.build();
  }
}
