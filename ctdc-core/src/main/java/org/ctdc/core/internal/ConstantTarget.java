package org.ctdc.core.internal;

import java.util.List;
import org.ctdc.core.RejectReason;
import org.ctdc.core.TargetRule;
import org.jspecify.annotations.Nullable;

/**
 * A constant or not-collected rule compiled: the same staged cell on every row. Immutable; thread-safe (see {@link Target}).
 */
final class ConstantTarget extends Target {
  final Resolution res;

  ConstantTarget(Plan plan, int t, TargetRule r, Resolution res) {
    super(plan, t, r, "");
    this.res = res;
  }

  @Override
  List<String> columns() {
    return List.of();
  }

  @Override
  @Nullable RejectReason eval(Run run, @Nullable String[] raw) {
    run.stage(index, res);
    return null;
  }
}
