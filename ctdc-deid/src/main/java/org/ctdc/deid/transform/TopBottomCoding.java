package org.ctdc.deid.transform;

import org.ctdc.deid.risk.RiskException;

import org.ctdc.deid.risk.internal.DatasetCopy;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Variable;

/**
 * Top and bottom coding of integer variables (counts, years, exact ages stored as counts): values above a
 * threshold are replaced by the threshold (top coding), values below it by the threshold (bottom coding),
 * so that rare extreme values no longer single out a record.
 *
 * <p>The variable keeps its kind and schema: a year stays a year and a count a count, and the threshold is
 * an ordinary value of it (the schema's bounds still hold since the threshold must lie within them). What
 * changes is the meaning of the threshold value, which now stands for "the threshold or more" (top) or
 * "the threshold or less" (bottom); say so in the release's documentation. Missing cells stay missing.
 * Closed variables (bands, categories) are recoded by generalisation instead, not here.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class TopBottomCoding {
  private TopBottomCoding() {}

  /**
   * The outcome of a coding.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param dataset the new dataset
   * @param recodedCells the number of cells whose value changed
   */
  public record Result(Dataset dataset, long recodedCells) {}

  /**
   * Top-codes: every value above the threshold becomes the threshold.
   *
   * @param data the dataset
   * @param variable a year or count variable
   * @param threshold the largest value kept, within the variable's bounds
   * @return the new dataset and the number of cells changed
   * @throws RiskException when the variable is missing or not an integer kind, or the threshold is out of
   *     its bounds
   */
  public static Result top(Dataset data, String variable, int threshold) {
    return code(data, variable, threshold, true);
  }

  /**
   * Bottom-codes: every value below the threshold becomes the threshold.
   *
   * @param data the dataset
   * @param variable a year or count variable
   * @param threshold the smallest value kept, within the variable's bounds
   * @return the new dataset and the number of cells changed
   * @throws RiskException when the variable is missing or not an integer kind, or the threshold is out of
   *     its bounds
   */
  public static Result bottom(Dataset data, String variable, int threshold) {
    return code(data, variable, threshold, false);
  }

  private static Result code(Dataset data, String variable, int threshold, boolean top) {
    int col = data.schema().indexOf(variable);
    if (col < 0) {
      throw new RiskException("the dataset (schema " + data.schema().id() + ") has no variable '" + variable + "'");
    }
    Variable v = data.variable(col);
    if (!v.kind().isInteger()) {
      throw new RiskException("variable '" + variable + "' is " + v.kind()
          + ": top and bottom coding apply to year and count variables only");
    }
    if (v.minimum().isPresent() && threshold < v.minimum().getAsInt()
        || v.maximum().isPresent() && threshold > v.maximum().getAsInt()) {
      throw new RiskException("the threshold for '" + variable + "' lies outside the variable's bounds");
    }
    long changed = 0;
    for (int r = 0; r < data.rowCount(); r++) {
      if (!data.isMissing(r, col)) {
        int x = data.intValue(r, col);
        if (top ? x > threshold : x < threshold) {
          changed++;
        }
      }
    }
    DatasetCopy.IntEdit edit = top ? x -> Math.min(x, threshold) : x -> Math.max(x, threshold);
    Dataset out = DatasetCopy.copy(data, new DatasetCopy.ColumnEdit[data.columnCount()], col, edit);
    return new Result(out, changed);
  }
}
