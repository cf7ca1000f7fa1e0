package org.ctdc.deid.table;

import java.util.List;
import org.ctdc.schema.internal.Ticker;
import org.ctdc.deid.table.internal.SuppressionRun;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;

/**
 * Cell suppression of count and magnitude tables: primary suppression by {@link SuppressionRules}, then
 * secondary suppression so that no primary cell can be recomputed from the published cells, margins and
 * linked tables, and so that each primary's attacker interval is at least the required width and, in
 * magnitude tables, reaches the protection levels of its rule ({@link SuppressionRules#protectionLevel}), also
 * against a singleton respondent who knows its own cells. The levels travel in {@link
 * TableProtection#levels()} (confidential).
 *
 * <p>Secondary cells are chosen by hierarchical hypercubes (see {@code docs/tables.md}): for each primary
 * cell, the cheapest set of cells (by value + 1 each) whose suppression lets the primary and its corner cells
 * move together without changing any published cell, across the hierarchy's subtotals and across linked
 * tables. Every release is then checked by an attacker model that shares no code with the search: linear
 * programming (ojAlgo) over the suppressed inner cells when the system has at most {@link #LP_LIMIT}
 * variables, otherwise an independent verification of each primary's witness direction. A release that
 * fails the check is never returned.
 *
 * <p>Progress and cancellation: {@link #suppress(List, SuppressionRules, ProgressListener, Cancellation)}
 * reports stage {@value #SECONDARY_SUPPRESSION} (primary cells processed by the hypercube search, out of their
 * number; the total is reached once the release has also passed its check) and stops with {@link
 * OperationCancelledException} when the signal is raised. They are arguments of the call rather than
 * settings of {@link SuppressionRules}, a reusable value: a raised signal cannot be lowered, and a listener
 * watches one call. The statuses are the same with or without them.
 *
 * <p>Deterministic: the same tables and rules give the same statuses. This class is thread-safe (stateless).
 */
public final class TableProtector {

  /** The progress stage of secondary suppression. */
  public static final String SECONDARY_SUPPRESSION = "secondary-suppression";

  /** The operation named by {@link OperationCancelledException#operation()} when a call is cancelled. */
  public static final String OPERATION = "secondary suppression";

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
    return suppress(linked, rules, ProgressListener.none(), Cancellation.none());
  }

  /**
   * Protects linked tables together as {@link #suppress(List, SuppressionRules)}, reporting progress and
   * watching a cancellation signal: the signal is checked before the call, at every primary cell, at every
   * candidate of the post-pass against over-suppression and during the check; a raised signal stops the call
   * with {@link OperationCancelledException}. The result is identical to {@link #suppress(List,
   * SuppressionRules)}.
   *
   * @param linked the tables, at least one
   * @param rules the rules
   * @param progress receives stage {@value #SECONDARY_SUPPRESSION}; called on the calling thread
   * @param cancellation the signal to watch, {@link Cancellation#none()} for none
   * @return the protected tables and their reports, in input order
   * @throws OperationCancelledException if the signal is raised before the call ends
   * @throws TableException when the tables disagree on a shared cell, a primary cannot be protected or the
   *     check fails
   */
  public static TableProtection suppress(List<Table> linked, SuppressionRules rules, ProgressListener progress,
      Cancellation cancellation) {
    Ticker ticker = new Ticker(SECONDARY_SUPPRESSION, OPERATION, progress, cancellation);
    ticker.check();
    if (linked.isEmpty()) {
      throw new TableException("no table to protect");
    }
    return SuppressionRun.run(linked, rules, LP_LIMIT, ticker);
  }
}
