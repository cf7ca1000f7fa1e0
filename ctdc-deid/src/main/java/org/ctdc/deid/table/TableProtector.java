package org.ctdc.deid.table;

import java.util.List;
import java.util.Objects;
import org.ctdc.deid.table.internal.SuppressionRun;
import org.ctdc.schema.AbstractOperationBuilder;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.OperationBuilder;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;
import org.ctdc.schema.internal.Ticker;

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
 * <p>Progress and cancellation are settings of the {@link Builder} ({@link Builder#progress(ProgressListener)},
 * {@link Builder#cancellation(Cancellation)}), as on every long-running operation of the library: a call
 * reports stage {@value #SECONDARY_SUPPRESSION} (primary cells processed by the hypercube search, out of
 * their number; the total is reached once the release has also passed its check) and stops with {@link
 * OperationCancelledException} when the signal is raised: the signal is checked before the call, at every
 * primary cell, at every candidate of the post-pass against over-suppression and during the check. The
 * statuses are the same with or without them.
 *
 * <pre>{@code
 * TableProtection p = TableProtector.of(SuppressionRules.ctdcDefaults()).suppress(table);
 * ProtectedTable published = p.tables().get(0);
 * }</pre>
 *
 * <p>Deterministic: the same tables and rules give the same statuses. Instances are immutable and
 * thread-safe: each call runs with its own state (a listener or signal shared by calls on several threads
 * must itself be thread-safe).
 */
public final class TableProtector {

  /** The progress stage of secondary suppression. */
  public static final String SECONDARY_SUPPRESSION = "secondary-suppression";

  /** The operation named by {@link OperationCancelledException#operation()} when a call is cancelled. */
  public static final String OPERATION = "secondary suppression";

  /** The largest number of suppressed inner cells for which the exact LP intervals are computed. */
  public static final int LP_LIMIT = 150;

  private final SuppressionRules rules;
  private final ProgressListener progress;
  private final Cancellation cancellation;

  private TableProtector(Builder b) {
    this.rules = b.rules;
    this.progress = b.progressListener();
    this.cancellation = b.cancellationSignal();
  }

  /**
   * A protector with the given rules, no progress listener and no cancellation.
   *
   * @param rules the rules
   * @return the protector
   * @throws NullPointerException if {@code rules} is null
   */
  public static TableProtector of(SuppressionRules rules) {
    return builder(rules).build();
  }

  /**
   * Starts configuring a protector.
   *
   * @param rules the rules
   * @return a new builder, not thread-safe
   * @throws NullPointerException if {@code rules} is null
   */
  public static Builder builder(SuppressionRules rules) {
    return new Builder(rules);
  }

  /** @return the rules */
  public SuppressionRules rules() {
    return rules;
  }

  /**
   * Protects one table, as {@link #suppress(List)} of a list of one: the result has one table, one report
   * and one list of levels.
   *
   * @param table the table
   * @return the protected table and its report
   * @throws OperationCancelledException if the signal is raised before the call ends
   * @throws TableException when a primary cannot be protected or the check fails
   */
  public TableProtection suppress(Table table) {
    return suppress(List.of(table));
  }

  /**
   * Protects linked tables together: tables tabulated from the same records, sharing dimensions (a
   * dimension of the same name must be the same dimension); a cell that two tables both publish has one
   * status.
   *
   * @param linked the tables, at least one
   * @return the protected tables and their reports, in input order
   * @throws OperationCancelledException if the signal is raised before the call ends
   * @throws TableException when the tables disagree on a shared cell, a primary cannot be protected or the
   *     check fails
   * @throws IllegalArgumentException if no table is given (as {@code TableAudit.audit})
   */
  public TableProtection suppress(List<Table> linked) {
    Ticker ticker = new Ticker(SECONDARY_SUPPRESSION, OPERATION, progress, cancellation);
    ticker.check();
    if (linked.isEmpty()) {
      throw new IllegalArgumentException("linked: at least one table is required");
    }
    return SuppressionRun.run(List.copyOf(linked), rules, LP_LIMIT, ticker);
  }

  /**
   * Configures a {@link TableProtector}: each setting is checked when it is set; progress and cancellation as every
   * {@link OperationBuilder} (the stages are in the class documentation). Not thread-safe.
   */
  public static final class Builder extends AbstractOperationBuilder<Builder> {
    private final SuppressionRules rules;

    private Builder(SuppressionRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** @return the protector */
    public TableProtector build() {
      return new TableProtector(this);
    }
  }
}
