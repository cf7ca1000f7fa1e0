package org.ctdc.core.internal;

import java.util.regex.Pattern;

/**
 * Decides whether a source value may be shown in a report. Only values of closed (picklist or code)
 * columns ever reach this check; identifier and free-text columns are never read. A value is shown when
 * all of these hold, else it is counted as withheld:
 *
 * <ul>
 *   <li>it looks like a code or a picklist label: at most 40 characters and 4 words, only letters,
 *       digits, spaces and {@code - / & ' ( ) . , +};
 *   <li>it holds no run of 5 or more digits (no phone numbers, dates or case numbers) and no {@code @};
 *   <li>it was seen in at least {@code minCount} rows of the run (default 2): a value seen once may be a
 *       name or an address shifted into the column by a broken export, and is withheld.
 * </ul>
 *
 * Not API; thread-safe.
 */
public final class SafeValues {

  private static final Pattern CODE_LIKE = Pattern.compile("[\\p{L}\\p{N} \\-/&'().,+]{1,40}");
  private static final Pattern LONG_DIGITS = Pattern.compile("\\d{5,}");

  private SafeValues() {}

  /**
   * @param value the trimmed value
   * @param count the rows it was seen in
   * @param minCount the fewest rows for a value to be shown
   * @return whether the value may be shown
   */
  public static boolean isShowable(String value, long count, int minCount) {
    if (count < minCount || !CODE_LIKE.matcher(value).matches() || LONG_DIGITS.matcher(value).find()) {
      return false;
    }
    return value.strip().split("\\s+").length <= 4;
  }
}
