package org.ctdc.schema;

/**
 * What writing one CSV file did: the data rows written, whether the formula guard was on, and how many
 * cells it neutralised ({@link FormulaGuard}; header names included). Counts only, never a value.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param rows data rows written (the header not counted)
 * @param formulaGuard whether the formula guard was on
 * @param cellsNeutralised cells written with a {@code '} in front (0 when the guard was off)
 */
public record CsvWriteSummary(long rows, boolean formulaGuard, long cellsNeutralised) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a count is negative, or cells were neutralised with the guard off
   */
  public CsvWriteSummary {
    if (rows < 0 || cellsNeutralised < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    if (!formulaGuard && cellsNeutralised != 0) {
      throw new IllegalArgumentException("no cell is neutralised with the formula guard off");
    }
  }
}
