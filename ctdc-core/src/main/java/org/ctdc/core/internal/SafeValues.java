package org.ctdc.core.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ctdc.core.AlignmentSpec;
import org.ctdc.schema.Role;
import org.ctdc.schema.Variable;

/**
 * Decides whether a source value may be shown in a report (issue 14). A value is shown only when all of
 * these hold, else it is only counted (distinct values and rows, "not shown"):
 *
 * <ul>
 *   <li>it was seen in at least {@code k} rows of the run, the release threshold (default 11,
 *       {@code Aligner.Builder.showValuesSeenAtLeast}): a value fewer people share may be a name, an
 *       address or a case number typed into the column, and would single them out;
 *   <li>it is not from an identifier or free-text column of the spec (compared without case), nor for a
 *       target that is an identifier or text, or has the identifier role;
 *   <li>it looks like a code or a picklist label: at most 40 characters and 4 words, only letters, digits,
 *       spaces and {@code - / & ' ( ) . , +}; no run of 5 or more digits and no {@code @}.
 * </ul>
 *
 * Not API; thread-safe.
 */
public final class SafeValues {

  private static final Pattern CODE_LIKE = Pattern.compile("[\\p{L}\\p{N} \\-/&'().,+]{1,40}");
  private static final Pattern LONG_DIGITS = Pattern.compile("\\d{5,}");

  private SafeValues() {}

  /**
   * Whether the values a target reads may be shown at all.
   *
   * @param spec the spec, with its identifier and free-text columns
   * @param target the target variable
   * @param columns the source columns the target reads
   * @return false for an identifier or text target, or one reading an identifier or free-text column
   */
  public static boolean mayShowValuesOf(AlignmentSpec spec, Variable target, List<String> columns) {
    if (target.role() == Role.IDENTIFIER || target.kind().isText()) {
      return false;
    }
    for (String c : columns) {
      String folded = c.strip().toLowerCase(Locale.ROOT);
      for (List<String> never : List.of(spec.identifierColumns(), spec.freeTextColumns())) {
        for (String n : never) {
          if (n.strip().toLowerCase(Locale.ROOT).equals(folded)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * @param value the trimmed value
   * @param count the rows it was seen in
   * @param minCount the fewest rows for a value to be shown (k)
   * @return whether the value may be shown
   */
  public static boolean isShowable(String value, long count, int minCount) {
    if (count < minCount || !CODE_LIKE.matcher(value).matches() || LONG_DIGITS.matcher(value).find()) {
      return false;
    }
    return value.strip().split("\\s+").length <= 4;
  }
}
