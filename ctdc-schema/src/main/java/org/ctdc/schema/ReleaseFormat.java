package org.ctdc.schema;

import java.util.List;

/**
 * How a release writes what the schema model keeps as typed values: which tokens mean missing, how flags
 * are written, how multi-valued fields are joined, and the field delimiter. The same dataset written under
 * two release formats gives two different files with the same content.
 *
 * <p>Reading: a token listed in {@code missingTokens} is a missing value with reason
 * {@link MissingReason#UNKNOWN}; for a flag variable, {@code flagFalse} is checked first, so that a format
 * whose flags are {@code 1} or empty reads an empty flag as "no". Writing: every missing value, whatever its
 * reason, is written as the first missing token; a release format cannot keep the reasons apart, and a
 * caller that needs them keeps the {@link Dataset}.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param missingTokens tokens read as missing, the first of them written for missing; at least one
 * @param flagTrue how a set flag is written
 * @param flagFalse how an unset flag is written (may be empty)
 * @param separator how the codes of a multi-valued field are joined (for example {@code ;})
 * @param delimiter the CSV field delimiter
 */
public record ReleaseFormat(
    List<String> missingTokens, String flagTrue, String flagFalse, String separator, char delimiter) {

  /** CTDC's k-anonymised global dataset: missing {@code -99} (also {@code Unknown}), flags {@code 1/0}. */
  public static final ReleaseFormat CTDC_KANON =
      new ReleaseFormat(List.of("-99", "Unknown", ""), "1", "0", ";", ',');

  /** CTDC's synthetic releases: missing is empty, flags are {@code 1} or empty, codes joined by {@code ;}. */
  public static final ReleaseFormat CTDC_SYNTHETIC = new ReleaseFormat(List.of(""), "1", "", ";", ',');

  /**
   * Validates and copies.
   *
   * @throws SchemaFormatException if no missing token is given, the flag tokens are equal, the true flag is
   *     a missing token, or the separator is empty
   */
  public ReleaseFormat {
    missingTokens = List.copyOf(missingTokens);
    if (missingTokens.isEmpty()) {
      throw new SchemaFormatException("<builder>", "format.missing", "at least one missing token is needed");
    }
    if (flagTrue.equals(flagFalse)) {
      throw new SchemaFormatException("<builder>", "format.flags", "true and false must be written differently");
    }
    if (missingTokens.contains(flagTrue)) {
      throw new SchemaFormatException("<builder>", "format.flags", "a set flag must not be written as missing");
    }
    if (separator.isEmpty()) {
      throw new SchemaFormatException("<builder>", "format.separator", "the separator must not be empty");
    }
  }

  /** @return the token written for every missing value */
  public String missingWritten() {
    return missingTokens.get(0);
  }

  /**
   * Whether a token is read as missing.
   *
   * @param token the token as read
   * @return true if it is one of the missing tokens
   */
  public boolean isMissing(String token) {
    return missingTokens.contains(token);
  }
}
