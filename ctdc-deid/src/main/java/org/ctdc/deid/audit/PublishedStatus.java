package org.ctdc.deid.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * The status of a cell in a published table ({@code status} column of the {@code tableFormat: 1} CSV).
 *
 * <p>This type is immutable and thread-safe.
 */
public enum PublishedStatus {
  /** Published: the value is shown. */
  PUBLISHABLE("publishable"),
  /** Suppressed because the cell itself is unsafe (for example a count below the threshold). */
  PRIMARY("primary"),
  /** Suppressed to protect a primary cell (a complementary suppression). */
  SECONDARY("secondary"),
  /** Published although a rule would suppress it (the publisher forced it). */
  FORCED_PUBLISH("forced-publish"),
  /** An empty or structural zero cell: published, its value is 0. */
  EMPTY("empty");

  private final String token;

  PublishedStatus(String token) {
    this.token = token;
  }

  /**
   * The token written in the {@code status} column.
   *
   * @return for example {@code "forced-publish"}
   */
  public String token() {
    return token;
  }

  /**
   * Whether the value of a cell with this status is withheld.
   *
   * @return true for {@link #PRIMARY} and {@link #SECONDARY}
   */
  public boolean isSuppressed() {
    return this == PRIMARY || this == SECONDARY;
  }

  /**
   * The status written as {@code token}, case-insensitive, surrounding blanks ignored.
   *
   * @param token a {@code status} column value
   * @return the status, or empty when the token is unknown
   */
  public static Optional<PublishedStatus> fromToken(String token) {
    String t = token.strip().toLowerCase(Locale.ROOT);
    for (PublishedStatus s : values()) {
      if (s.token.equals(t)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
