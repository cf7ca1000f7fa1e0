package org.ctdc.deid.table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How protected tables are written: the label shown instead of a suppressed value (such as {@code ..},
 * {@code *} or {@code <11}), the protection width written into the definition JSON, and optional HXL
 * hashtags for a display CSV published on HDX.
 *
 * <p>A label such as {@code <11} states the threshold; when zeros are also protected it is shown on zeros
 * too, which tells a reader that a hidden cell may be 0: the label never depends on the cell's value.
 *
 * <p>Every cell of the CSV files ({@code NAME.csv}, {@code NAME.hxl.csv}) goes through the library's formula
 * guard ({@link org.ctdc.schema.FormulaGuard}: a label a spreadsheet would run as a formula gets a {@code '} in
 * front; numbers are left alone) unless {@code formulaGuard} is off, for machine consumers. The JSON files
 * are not CSV and keep every label as it is.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param suppressedLabel the display value of a suppressed cell, the same for every suppressed cell
 * @param minWidth the {@code protection.minWidth} written into each definition JSON
 * @param hxlTags dimension name → HXL hashtag (such as {@code #country+code}), and {@code value} /
 *     {@code status} for those columns; empty: no HXL file
 * @param formulaGuard whether CSV cells that look like formulas are neutralised (default on)
 */
public record OutputOptions(String suppressedLabel, long minWidth, Map<String, String> hxlTags,
    boolean formulaGuard) {
  /**
   * Validates and copies.
   *
   * @throws TableException when the label is blank, the width below 1 or a tag does not start with #
   */
  public OutputOptions {
    Objects.requireNonNull(suppressedLabel, "suppressedLabel");
    if (suppressedLabel.isBlank()) {
      throw new TableException("output: the label of suppressed cells must not be blank");
    }
    if (minWidth < 1) {
      throw new TableException("output: minWidth must be at least 1");
    }
    for (Map.Entry<String, String> e : hxlTags.entrySet()) {
      if (!e.getValue().startsWith("#")) {
        throw new TableException("output: HXL tag of '" + org.ctdc.schema.internal.SafeYaml.shown(e.getKey()) + "' must start with '#'");
      }
    }
    hxlTags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hxlTags));
  }

  /**
   * Options with the formula guard on.
   *
   * @param suppressedLabel the display value of a suppressed cell
   * @param minWidth the {@code protection.minWidth} written into each definition JSON
   * @param hxlTags dimension name → HXL hashtag; empty: no HXL file
   * @throws TableException when the label is blank, the width below 1 or a tag does not start with #
   */
  public OutputOptions(String suppressedLabel, long minWidth, Map<String, String> hxlTags) {
    this(suppressedLabel, minWidth, hxlTags, true);
  }

  /**
   * A copy with the formula guard on or off.
   *
   * @param on whether CSV cells that look like formulas are neutralised
   * @return the options
   */
  public OutputOptions withFormulaGuard(boolean on) {
    return new OutputOptions(suppressedLabel, minWidth, hxlTags, on);
  }

  /** @return the CSV write options of these output options (the formula guard) */
  public org.ctdc.schema.CsvWriteOptions csv() {
    return org.ctdc.schema.CsvWriteOptions.defaults().withFormulaGuard(formulaGuard);
  }

  /**
   * Label {@code ..}, width 1, no HXL, the formula guard on.
   *
   * @return the defaults
   */
  public static OutputOptions defaults() {
    return new OutputOptions("..", 1, Map.of());
  }
}
