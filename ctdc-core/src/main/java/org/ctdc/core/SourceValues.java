package org.ctdc.core;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The text a {@link RowSource} gives the aligner for a typed value, so that a workbook, a database and a
 * CSV file written by hand read alike ({@code docs/alignment-spec.md}, "Workbooks and databases"):
 *
 * <ul>
 *   <li>a number in plain decimal notation without trailing zeros: {@code 25}, not {@code 25.0} or
 *       {@code 2.5E1}; {@code 0.5};
 *   <li>a date as ISO {@code yyyy-MM-dd}; a date with a time of day as ISO {@code yyyy-MM-ddTHH:mm:ss}
 *       (seconds only when not zero), which a date rule does not read: cast it to a date in the query, or
 *       format the cell as a date, to read it as one. A time at midnight is the date alone;
 *   <li>a boolean as {@code true} or {@code false} (which flag rules read as yes and no).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class SourceValues {
  private SourceValues() {}

  /**
   * @param d a number
   * @return its plain decimal text; {@code NaN} and infinities as {@link Double#toString(double)}
   */
  public static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.toString(d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return number(BigDecimal.valueOf(d));
  }

  /**
   * @param d a number
   * @return its plain decimal text without trailing zeros
   */
  public static String number(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  /**
   * @param t a date and time of day
   * @return {@code yyyy-MM-dd} at midnight, else {@code yyyy-MM-ddTHH:mm[:ss[.fff]]}
   */
  public static String dateTime(LocalDateTime t) {
    return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
  }
}
