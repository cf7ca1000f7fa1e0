package org.ctdc.link;

import java.util.Objects;

/**
 * A matched pair of records of two sources, a line of {@code MATCHES.csv}.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param a the record of the first source (in the order the sources were given)
 * @param b the record of the second source
 * @param similarity their Dice similarity
 */
public record Match(RecordRef a, RecordRef b, double similarity) {
  /** Validates. */
  public Match {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
  }
}
