package org.ctdc.core.internal;

import java.util.List;
import org.ctdc.core.RejectReason;
import org.ctdc.core.TargetRule;
import org.jspecify.annotations.Nullable;

/**
 * One target variable's compiled rule: the narrow interface between the {@link Plan}, which compiles a
 * spec, and the {@link Run}, which evaluates rows. There is one subclass per kind of rule, each in its own
 * file: {@link ConstantTarget} (constants and not-collected variables), {@link MappedTarget},
 * {@link FlagWhenTarget}, {@link AnyOfTarget}, {@link AgeTarget} and {@link DerivedTarget}. A target reads
 * the row's raw cells by slot and stages its cell in the run ({@code Run.stage} and the others); what it
 * shares with the other targets of the plan (missing tokens, flag spellings, separators, date patterns)
 * it reads from its plan. Immutable after construction apart from what the run memoises; thread-safe.
 */
abstract sealed class Target
    permits ConstantTarget, MappedTarget, FlagWhenTarget, AnyOfTarget, AgeTarget, DerivedTarget {
  /** The plan the target belongs to: the source's conventions and formats, the slots. */
  final Plan plan;
  /** The target variable's index in the schema. */
  final int index;
  final TargetRule rule;
  /** The column named in rejects, or empty. */
  final String column;

  Target(Plan plan, int index, TargetRule rule, String column) {
    this.plan = plan;
    this.index = index;
    this.rule = rule;
    this.column = column;
  }

  /** The source columns read. */
  abstract List<String> columns();

  /**
   * Evaluates the rule on a row, writing into the run's staged cell.
   *
   * @param run the run, which stages the cell and memoises resolutions
   * @param raw the row's raw cells by slot; null is absent
   * @return null when the cell is staged, else why the row is rejected
   */
  abstract @Nullable RejectReason eval(Run run, @Nullable String[] raw);

  /** Resolves one raw value (memoised by the run); only for targets reading one column. */
  Resolution resolve(String raw) {
    throw new IllegalStateException("not a single-column target");
  }
}
