package org.ctdc.deid.audit;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One row of a published table: one code per dimension, the published value (absent when the cell is
 * suppressed) and the status.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param codes one code per dimension, in the definition's order
 * @param value the published value; absent exactly when the status is suppressed; for {@link
 *     PublishedStatus#EMPTY} an absent value is read as 0
 * @param status the cell's status
 */
public record PublishedRow(List<String> codes, OptionalDouble value, PublishedStatus status) {
  /**
   * Validates and copies.
   *
   * @throws TableFormatException if a suppressed row carries a value, a published row has none, an empty
   *     row is not 0, or a value is negative or not finite (the message never names the value)
   * @throws NullPointerException if an argument is null
   */
  public PublishedRow {
    codes = List.copyOf(codes);
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(status, "status");
    if (status == PublishedStatus.EMPTY && value.isEmpty()) {
      value = OptionalDouble.of(0);
    }
    if (status.isSuppressed() && value.isPresent()) {
      throw new TableFormatException("a " + status.token() + " cell must have an empty value");
    }
    if (!status.isSuppressed() && value.isEmpty()) {
      throw new TableFormatException("a " + status.token() + " cell must have a value");
    }
    if (value.isPresent() && !(value.getAsDouble() >= 0 && Double.isFinite(value.getAsDouble()))) {
      throw new TableFormatException("value must be a finite non-negative number");
    }
    if (status == PublishedStatus.EMPTY && value.getAsDouble() != 0) {
      throw new TableFormatException("an empty cell must have value 0 or no value");
    }
  }

  /**
   * A published row.
   *
   * @param value the value
   * @param codes the codes
   * @return a {@link PublishedStatus#PUBLISHABLE} row
   */
  public static PublishedRow published(double value, String... codes) {
    return new PublishedRow(List.of(codes), OptionalDouble.of(value), PublishedStatus.PUBLISHABLE);
  }

  /**
   * A suppressed row.
   *
   * @param status {@link PublishedStatus#PRIMARY} or {@link PublishedStatus#SECONDARY}
   * @param codes the codes
   * @return the row
   */
  public static PublishedRow suppressed(PublishedStatus status, String... codes) {
    return new PublishedRow(List.of(codes), OptionalDouble.empty(), status);
  }
}
