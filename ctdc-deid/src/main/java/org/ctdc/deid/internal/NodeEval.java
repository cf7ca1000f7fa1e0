package org.ctdc.deid.internal;

import org.jspecify.annotations.Nullable;

/**
 * The evaluation of one lattice node: its class table, which classes pass the models, the suppressed
 * record count, feasibility, the metric value and the lower bound the table gives for every node above.
 */
final class NodeEval {
  final int[] levels;
  final ClassTable table;
  final boolean[] passes;
  final long suppressed;
  final boolean feasible;
  final double metric;
  final double bound;
  final int classesKept;
  final double @Nullable [] all;

  NodeEval(int[] levels, ClassTable table, boolean[] passes, long suppressed, boolean feasible, double metric,
      double bound, int classesKept, double @Nullable [] all) {
    this.levels = levels;
    this.table = table;
    this.passes = passes;
    this.suppressed = suppressed;
    this.feasible = feasible;
    this.metric = metric;
    this.bound = bound;
    this.classesKept = classesKept;
    this.all = all;
  }
}
