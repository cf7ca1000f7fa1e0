package org.ctdc.deid.table;

import java.util.List;

/**
 * The result of protecting linked tables: the tables to publish, one report per table and, per table, the
 * confidential protection levels of its primary cells (magnitude tables protected by suppression; empty
 * otherwise), in input order.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param tables the protected tables
 * @param reports the reports
 * @param levels per table, its primaries' protection levels (confidential: for the audit, never published)
 */
public record TableProtection(List<ProtectedTable> tables, List<TableReport> reports,
    List<List<ProtectionLevel>> levels) {
  /**
   * Copies.
   *
   * @throws IllegalArgumentException when the lists differ in length
   */
  public TableProtection {
    tables = List.copyOf(tables);
    reports = List.copyOf(reports);
    levels = levels.stream().map(List::copyOf).toList();
    if (levels.size() != tables.size()) {
      throw new IllegalArgumentException("one list of levels per table");
    }
  }

  /**
   * A result without protection levels.
   *
   * @param tables the protected tables
   * @param reports the reports
   */
  public TableProtection(List<ProtectedTable> tables, List<TableReport> reports) {
    this(tables, reports, tables.stream().map(t -> List.<ProtectionLevel>of()).toList());
  }
}
