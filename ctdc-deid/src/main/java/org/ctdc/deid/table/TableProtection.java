package org.ctdc.deid.table;

import java.util.List;

/**
 * The result of protecting linked tables: the tables to publish and one report per table, in input order.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param tables the protected tables
 * @param reports the reports
 */
public record TableProtection(List<ProtectedTable> tables, List<TableReport> reports) {
  /** Copies. */
  public TableProtection {
    tables = List.copyOf(tables);
    reports = List.copyOf(reports);
  }
}
