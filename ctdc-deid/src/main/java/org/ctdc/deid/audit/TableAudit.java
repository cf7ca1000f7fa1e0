package org.ctdc.deid.audit;

import java.util.List;
import org.ctdc.deid.audit.internal.AuditEngine;
import org.ctdc.schema.internal.Ticker;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;

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
 * <p>Progress and cancellation: {@link #audit(List, AuditOptions, ProgressListener, Cancellation)} reports
 * stage {@value #AUDITING} (suppressed cells checked, out of the cells audited) and stops with {@link
 * OperationCancelledException} when the signal is raised. They are arguments of the call rather than
 * settings of {@link AuditOptions}, a reusable value: a raised signal cannot be lowered, and a listener
 * watches one call. The result is the same with or without them.
 *
 * <p>This class is thread-safe (it has no state).
 */
public final class TableAudit {
  /** The progress stage of the audit. */
  public static final String AUDITING = "auditing";

  /** The operation named by {@link OperationCancelledException#operation()} when a call is cancelled. */
  public static final String OPERATION = "table audit";

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
    return audit(tables, options, ProgressListener.none(), Cancellation.none());
  }

  /**
   * Audits tables published together as {@link #audit(List, AuditOptions)}, reporting progress and watching a
   * cancellation signal: the signal is checked before the call, before each independent component and before
   * each linear program; a raised signal stops the call with {@link OperationCancelledException}. The result
   * is identical to {@link #audit(List, AuditOptions)}.
   *
   * @param tables one table or several linked tables
   * @param options the requirements
   * @param progress receives stage {@value #AUDITING}: suppressed cells checked, out of the cells audited;
   *     called on the calling thread
   * @param cancellation the signal to watch, {@link Cancellation#none()} for none
   * @return the intervals and verdicts
   * @throws OperationCancelledException if the signal is raised before the audit ends
   * @throws TableAuditException as {@link #audit(List, AuditOptions)}
   * @throws IllegalArgumentException if no table is given or two tables share a name
   */
  public static AuditResult audit(List<PublishedTable> tables, AuditOptions options, ProgressListener progress,
      Cancellation cancellation) {
    return AuditEngine.run(List.copyOf(tables), options, new Ticker(AUDITING, OPERATION, progress, cancellation));
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
