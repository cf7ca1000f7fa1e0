package org.ctdc.deid.audit;

import java.util.List;
import java.util.Objects;
import org.ctdc.deid.audit.internal.AuditEngine;
import org.ctdc.schema.AbstractOperationBuilder;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.OperationBuilder;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;
import org.ctdc.schema.internal.Ticker;

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
 * <p>Progress and cancellation are settings of the {@link Builder} ({@link Builder#progress(ProgressListener)},
 * {@link Builder#cancellation(Cancellation)}), as on every long-running operation of the library: a call
 * reports stage {@value #AUDITING} (suppressed cells checked, out of the cells audited) and stops with {@link
 * OperationCancelledException} when the signal is raised: the signal is checked before the call, before each
 * independent component and before each linear program. The result is the same with or without them.
 *
 * <pre>{@code
 * AuditResult r = TableAudit.of().audit(PublishedTable.read(csv, definitionJson));
 * if (!r.passed()) {
 *   log.warn(r.summary());   // the summary holds table names and counts only
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe: each call runs with its own state (a listener or signal shared
 * by calls on several threads must itself be thread-safe).
 */
public final class TableAudit {
  /** The progress stage of the audit. */
  public static final String AUDITING = "auditing";

  /** The operation named by {@link OperationCancelledException#operation()} when a call is cancelled. */
  public static final String OPERATION = "table audit";

  private final AuditOptions options;
  private final ProgressListener progress;
  private final Cancellation cancellation;

  private TableAudit(Builder b) {
    this.options = b.options;
    this.progress = b.progressListener();
    this.cancellation = b.cancellationSignal();
  }

  /**
   * An audit with {@link AuditOptions#defaults() the default options}, no progress listener and no
   * cancellation.
   *
   * @return the audit
   */
  public static TableAudit of() {
    return builder().build();
  }

  /**
   * An audit with the given requirements, no progress listener and no cancellation.
   *
   * @param options the requirements
   * @return the audit
   * @throws NullPointerException if {@code options} is null
   */
  public static TableAudit of(AuditOptions options) {
    return builder().options(options).build();
  }

  /**
   * Starts configuring an audit.
   *
   * @return a new builder with the default options, not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the requirements */
  public AuditOptions options() {
    return options;
  }

  /**
   * Audits tables published together.
   *
   * @param tables one table or several linked tables (dimensions with the same name are the same
   *     variable and must have the same total and leaves)
   * @return the intervals and verdicts
   * @throws OperationCancelledException if the signal is raised before the audit ends
   * @throws TableAuditException if the tables contradict each other or themselves (no non-negative table
   *     is consistent with them), two tables share a name, linked dimensions disagree, or the model exceeds
   *     {@link AuditOptions#maxCells()}
   * @throws IllegalArgumentException if no table is given
   */
  public AuditResult audit(List<PublishedTable> tables) {
    return AuditEngine.run(List.copyOf(tables), options, new Ticker(AUDITING, OPERATION, progress, cancellation));
  }

  /**
   * Audits one table, as {@link #audit(List)} of a list of one.
   *
   * @param table the table
   * @return the intervals and verdicts
   * @throws OperationCancelledException if the signal is raised before the audit ends
   * @throws TableAuditException as {@link #audit(List)}
   */
  public AuditResult audit(PublishedTable table) {
    return audit(List.of(table));
  }

  /**
   * Configures a {@link TableAudit}: each setting is checked when it is set; progress and cancellation as every
   * {@link OperationBuilder} (the stages are in the class documentation). Not thread-safe.
   */
  public static final class Builder extends AbstractOperationBuilder<Builder> {
    private AuditOptions options = AuditOptions.defaults();

    private Builder() {}

    /**
     * Sets the requirements: widths, protection levels, known bounds, true values, the model's size limit.
     *
     * @param options the requirements (default {@link AuditOptions#defaults()})
     * @return this builder
     */
    public Builder options(AuditOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** @return the audit */
    public TableAudit build() {
      return new TableAudit(this);
    }
  }
}
