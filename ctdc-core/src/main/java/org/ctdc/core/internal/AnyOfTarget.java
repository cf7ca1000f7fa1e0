package org.ctdc.core.internal;

import java.util.List;
import org.ctdc.core.RejectReason;
import org.ctdc.core.TargetRule;
import org.jspecify.annotations.Nullable;

/**
 * An OR-of-flags rule ({@link org.ctdc.core.TargetRule.AnyOf}) compiled: three-valued OR over source
 * flag columns. Immutable; thread-safe (see {@link Target}).
 */
final class AnyOfTarget extends Target {
  final int[] slotsRead;
  final List<String> cols;

  AnyOfTarget(Plan plan, int t, TargetRule.AnyOf a, int[] slots) {
    super(plan, t, a, a.columns().get(0));
    this.slotsRead = slots;
    this.cols = a.columns();
  }

  @Override
  List<String> columns() {
    return cols;
  }

  @Override
  @Nullable RejectReason eval(Run run, @Nullable String[] raw) {
    boolean allNotCollected = true;
    boolean anyMissing = false;
    for (int i = 0; i < slotsRead.length; i++) {
      String s = raw[slotsRead[i]];
      int miss = plan.missingOf(s);
      if (miss != 0) {
        anyMissing = true;
        allNotCollected &= miss == Plan.MNC;
        continue;
      }
      allNotCollected = false;
      int f = plan.parseFlag(s);
      if (f < 0) {
        run.rejectColumn = cols.get(i);
        run.noteUnmapped(index, s, null);
        return RejectReason.UNMAPPED_VALUE;
      }
      if (f == 1) {
        run.stage(index, Resolution.ONE);
        return null;
      }
    }
    if (anyMissing) {
      run.stageMissing(index, allNotCollected ? Plan.MNC : Plan.MU);
    } else {
      run.stage(index, Resolution.ZERO);
    }
    return null;
  }
}
