package org.ctdc.deid.audit;

import java.util.List;
import org.ctdc.deid.audit.internal.AuditEngine;

/**
 * The independent audit of published tables. For every suppressed cell it computes the interval an
 * attacker can derive from everything published together (the additivity of every published margin along
 * each dimension's hierarchy, across linked tables that share dimensions, non-negativity and the known
 * bounds), by linear programming with ojAlgo, and judges it against the required width and protection
 * levels.
 *
 * <p>The audit shares no code with the suppression that produced the tables. It first splits the free
 * cells into independent components, finds exactly determined cells with a rank test (Gaussian
 * elimination), gets most lower bounds from one LP minimising the sum of the audited cells, and computes the
 * remaining bounds with one warm-started ojAlgo solver per component and direction (the target is switched by
 * bound changes only), skipping bounds already attained by an earlier solution. Every LP answer is checked
 * against the published equations before it is used, so a solver error can only narrow an interval (a false
 * failure), never widen it; an answer that cannot be verified stops the audit with a {@link
 * TableAuditException}.
 *
 * <p>This class is thread-safe (it has no state).
 */
public final class TableAudit {
  private TableAudit() {}

  /**
   * Audits tables published together.
   *
   * @param tables one table or several linked tables (dimensions with the same name are the same
   *     variable and must have the same total and leaves)
   * @param options the requirements
   * @return the intervals and verdicts
   * @throws TableAuditException if the tables contradict each other or themselves (no non-negative table
   *     is consistent with them), linked dimensions disagree, or the model exceeds {@link
   *     AuditOptions#maxCells()}
   * @throws IllegalArgumentException if no table is given or two tables share a name
   */
  public static AuditResult audit(List<PublishedTable> tables, AuditOptions options) {
    return AuditEngine.run(List.copyOf(tables), options);
  }

  /**
   * Audits one table with default options.
   *
   * @param table the table
   * @return the intervals and verdicts
   * @throws TableAuditException as {@link #audit(List, AuditOptions)}
   */
  public static AuditResult audit(PublishedTable table) {
    return audit(List.of(table), AuditOptions.defaults());
  }
}
