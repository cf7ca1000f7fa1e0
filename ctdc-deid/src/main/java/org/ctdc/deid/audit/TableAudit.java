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
 * elimination), and then solves one minimisation and one maximisation per remaining cell, skipping bounds
 * already attained by an earlier solution.
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
