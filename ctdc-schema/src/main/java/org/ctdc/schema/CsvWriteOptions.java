package org.ctdc.schema;

/**
 * How the library writes a CSV file: whether cells that a spreadsheet would run as formulas are neutralised
 * ({@link FormulaGuard}, on by default). Turn the guard off only for files read by programs, never for files
 * people open in a spreadsheet.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param formulaGuard whether cells that look like formulas are written with a {@code '} in front
 */
public record CsvWriteOptions(boolean formulaGuard) {

  private static final CsvWriteOptions DEFAULTS = new CsvWriteOptions(true);

  /** @return the defaults: the formula guard on */
  public static CsvWriteOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A copy with the formula guard on or off.
   *
   * @param on whether cells that look like formulas are neutralised
   * @return the options
   */
  public CsvWriteOptions withFormulaGuard(boolean on) {
    return new CsvWriteOptions(on);
  }

  /**
   * A cell as these options write it.
   *
   * @param cell the cell
   * @return the cell, neutralised when the guard is on and it looks like a formula
   */
  public String cell(String cell) {
    return formulaGuard ? FormulaGuard.neutralise(cell) : cell;
  }
}
