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
 * <p>Instances are immutable and thread-safe.
 *
 * @param suppressedLabel the display value of a suppressed cell, the same for every suppressed cell
 * @param minWidth the {@code protection.minWidth} written into each definition JSON
 * @param hxlTags dimension name → HXL hashtag (such as {@code #country+code}), and {@code value} /
 *     {@code status} for those columns; empty: no HXL file
 */
public record OutputOptions(String suppressedLabel, long minWidth, Map<String, String> hxlTags) {
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
        throw new TableException("output: HXL tag of '" + org.ctdc.deid.internal.SafeYaml.shown(e.getKey()) + "' must start with '#'");
      }
    }
    hxlTags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hxlTags));
  }

  /**
   * Label {@code ..}, width 1, no HXL.
   *
   * @return the defaults
   */
  public static OutputOptions defaults() {
    return new OutputOptions("..", 1, Map.of());
  }
}
