package org.ctdc.deid.table;

import java.util.List;
import org.ctdc.deid.table.internal.SuppressionRun;

/**
 * Cell suppression of count and magnitude tables: primary suppression by {@link SuppressionRules}, then
 * secondary suppression so that no primary cell can be recomputed from the published cells, margins and
 * linked tables, and so that each primary's attacker interval is at least the required width.
 *
 * <p>Secondary cells are chosen by hierarchical hypercubes (see {@code docs/tables.md}): for each primary
 * cell, the cheapest set of cells (by value + 1 each) whose suppression lets the primary and its corner cells
 * move together without changing any published cell, across the hierarchy's subtotals and across linked
 * tables. Every release is then checked by an attacker model that shares no code with the search: linear
 * programming (ojAlgo) over the suppressed inner cells when the system has at most {@link #LP_LIMIT}
 * variables, otherwise an independent verification of each primary's witness direction. A release that
 * fails the check is never returned.
 *
 * <p>Deterministic: the same tables and rules give the same statuses. This class is thread-safe (stateless).
 */
public final class TableProtector {

  /** The largest number of suppressed inner cells for which the exact LP intervals are computed. */
  public static final int LP_LIMIT = 150;

  private TableProtector() {}

  /**
   * Protects one table.
   *
   * @param table the table
   * @param rules the rules
   * @return the protected table and its report
   * @throws TableException when a primary cannot be protected or the check fails
   */
  public static TableProtection suppress(Table table, SuppressionRules rules) {
    return suppress(List.of(table), rules);
  }

  /**
   * Protects linked tables together: tables tabulated from the same records, sharing dimensions (a
   * dimension of the same name must be the same dimension); a cell that two tables both publish has one
   * status.
   *
   * @param linked the tables, at least one
   * @param rules the rules
   * @return the protected tables and their reports, in input order
   * @throws TableException when the tables disagree on a shared cell, a primary cannot be protected or the
   *     check fails
   */
  public static TableProtection suppress(List<Table> linked, SuppressionRules rules) {
    if (linked.isEmpty()) {
      throw new TableException("no table to protect");
    }
    return SuppressionRun.run(linked, rules, LP_LIMIT);
  }
}
