package org.ctdc.deid;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The optimal generalisation found over a {@link FrequencyTable}, ready to be applied where the records
 * are: the report, the level chosen for each quasi-identifier, and which of the table's combinations are
 * released (a combination is released or suppressed whole, as its equivalence class at the chosen node
 * passes the models or not). Made by {@link Deidentifier#planTable(FrequencyTable)}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TablePlan {
  private final DeidReport report;
  private final int[] levels;
  private final boolean[] released;

  TablePlan(DeidReport report, int[] levels, boolean[] released) {
    this.report = Objects.requireNonNull(report, "report");
    this.levels = levels.clone();
    this.released = released.clone();
  }

  /** @return the report, as {@link Deidentifier#plan(FrequencyTable)} gives it */
  public DeidReport report() {
    return report;
  }

  /** @return the chosen level of each quasi-identifier, in configuration order */
  public List<Integer> levels() {
    return Arrays.stream(levels).boxed().toList();
  }

  /** @return the number of combinations of the table planned */
  public int combinations() {
    return released.length;
  }

  /**
   * Whether the records of a combination are released.
   *
   * @param combination the combination's index in the table
   * @return true when released, false when suppressed
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public boolean released(int combination) {
    return released[Objects.checkIndex(combination, released.length)];
  }

  /** @return the sizes, never a value */
  @Override
  public String toString() {
    return "TablePlan[levels=" + levels() + ", combinations=" + released.length + ", suppressed="
        + report.recordsSuppressed() + "]";
  }
}
