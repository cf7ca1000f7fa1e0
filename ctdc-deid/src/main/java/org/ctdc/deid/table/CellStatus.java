package org.ctdc.deid.table;

import java.util.Locale;

/**
 * The status of a published table cell after protection. The file token of each status is its name in lower
 * case with {@code _} written as {@code -} ({@code forced-publish}), as in the long table format.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum CellStatus {
  /** Safe: published with its value. */
  PUBLISHABLE,
  /** Unsafe under a primary rule: suppressed. */
  PRIMARY,
  /** Safe, but suppressed so that no primary cell can be recomputed. */
  SECONDARY,
  /** Published by configuration whatever the rules say (the report names the rule it breaks, if any). */
  FORCED_PUBLISH,
  /** An empty cell (zero count, no contributor) published as 0 because zeros are not protected. */
  EMPTY;

  /**
   * Whether the cell's value is withheld.
   *
   * @return true for {@link #PRIMARY} and {@link #SECONDARY}
   */
  public boolean isSuppressed() {
    return this == PRIMARY || this == SECONDARY;
  }

  /**
   * The token written in the {@code status} column.
   *
   * @return such as {@code forced-publish}
   */
  public String token() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The status of a file token.
   *
   * @param token such as {@code primary}
   * @return the status
   * @throws IllegalArgumentException naming the token when it is not a status
   */
  public static CellStatus ofToken(String token) {
    for (CellStatus s : values()) {
      if (s.token().equals(token)) {
        return s;
      }
    }
    throw new IllegalArgumentException("'" + token + "' is not a cell status");
  }
}
