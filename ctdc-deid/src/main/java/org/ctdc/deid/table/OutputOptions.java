package org.ctdc.deid.table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.ctdc.schema.internal.Shown;

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
 * <p>Every setting is checked when it is set: a value out of range throws {@link IllegalArgumentException}
 * naming the setting. {@link TablesConfig#read} reports the same rules of a configuration file as a {@link
 * TableException} naming the file and the key.
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
   * @throws IllegalArgumentException naming the setting: {@code suppressedLabel} when it is blank,
   *     {@code minWidth} when below 1, {@code hxlTags} when a tag does not start with {@code #}
   * @throws NullPointerException if an argument, a dimension name or a tag is null
   */
  public OutputOptions {
    Objects.requireNonNull(suppressedLabel, "suppressedLabel");
    Objects.requireNonNull(hxlTags, "hxlTags");
    if (suppressedLabel.isBlank()) {
      throw new IllegalArgumentException("suppressedLabel (the label of suppressed cells) must not be blank");
    }
    if (minWidth < 1) {
      throw new IllegalArgumentException("minWidth must be at least 1");
    }
    for (Map.Entry<String, String> e : hxlTags.entrySet()) {
      Objects.requireNonNull(e.getKey(), "hxlTags: dimension name");
      if (!Objects.requireNonNull(e.getValue(), "hxlTags: tag").startsWith("#")) {
        throw new IllegalArgumentException("hxlTags: the tag of '" + Shown.name(e.getKey()) + "' must start with '#'");
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
   * @throws IllegalArgumentException as the canonical constructor
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
