package org.ctdc.deid.table;

import java.util.List;
import java.util.Objects;

/**
 * What one primary cell of a magnitude table needs, for the audit: its value, its lower and upper protection
 * levels ({@link SuppressionRules#protectionLevel}: the attacker's interval must reach {@code value − lower}
 * and {@code value + upper}), and, for a singleton (one contributor), the number of the respondent that alone
 * makes it up (−1 otherwise; cells with the same number are the same respondent's).
 *
 * <p><b>Confidential</b>: the value is the suppressed cell's and a level can reveal it. {@link TableWriter}
 * writes these into {@code NAME.levels.json}, which the publisher keeps for the audit and never publishes.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param nodes the cell, one node per dimension
 * @param value its true value
 * @param lower the lower protection level, 0 to the value
 * @param upper the upper protection level, at least 0
 * @param respondent the singleton's respondent number, or −1
 */
public record ProtectionLevel(List<String> nodes, long value, long lower, long upper, int respondent) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a number is out of range
   */
  public ProtectionLevel {
    nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
    if (value < 0 || lower < 0 || lower > value || upper < 0 || respondent < -1) {
      throw new IllegalArgumentException("protection level out of range");
    }
  }
}
