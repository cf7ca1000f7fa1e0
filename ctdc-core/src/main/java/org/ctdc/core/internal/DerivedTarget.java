package org.ctdc.core.internal;

import java.util.List;
import java.util.Optional;
import org.ctdc.core.RejectReason;
import org.ctdc.core.TargetRule;
import org.ctdc.schema.Variable;
import org.jspecify.annotations.Nullable;

/**
 * A derived rule ({@link org.ctdc.core.TargetRule.Derived}) compiled: computed from the staged cells of
 * other targets of the same row. Immutable; thread-safe (see {@link Target}).
 */
final class DerivedTarget extends Target {
  final int[] from;
  final TargetRule.Derived d;
  final int adult;
  final int minor;

  /** For majorityFromAgeBand: per source band code, the target code, or -1 when unknown. */
  final int[] majorityOfCode;
  /** For joinedLabels: per source flag, the bit of its code (the value set's order is the written order). */
  final long[] codeBit;

  DerivedTarget(Plan plan, int t, TargetRule.Derived d, int[] from, Variable v) {
    super(plan, t, d, "");
    this.from = from;
    this.d = d;
    this.adult = v.kind().isClosed() ? v.values().indexOf("Adult") : -1;
    this.minor = v.kind().isClosed() ? v.values().indexOf("Minor") : -1;
    if (d.kind() == org.ctdc.schema.DerivationKind.MAJORITY_FROM_AGE_BAND) {
      Variable src = plan.variables.get(from[0]);
      majorityOfCode = new int[src.values().size()];
      for (int i = 0; i < majorityOfCode.length; i++) {
        Optional<String> m = NormalizerRegistry.majorityOfBand(src.values().code(i).code());
        majorityOfCode[i] = m.isEmpty() ? -1 : m.get().equals("Adult") ? adult : minor;
      }
    } else {
      majorityOfCode = new int[0];
    }
    if (d.kind() == org.ctdc.schema.DerivationKind.JOINED_LABELS) {
      int[] codes = SpecValidator.joinedCodes(plan.spec.target(), v, d.from()).orElseThrow();
      codeBit = new long[codes.length];
      for (int i = 0; i < codes.length; i++) {
        codeBit[i] = 1L << codes[i];
      }
    } else {
      codeBit = new long[0];
    }
  }

  @Override
  List<String> columns() {
    return List.of();
  }

  @Override
  @Nullable RejectReason eval(Run run, @Nullable String[] raw) {
    switch (d.kind()) {
      case MAJORITY_FROM_AGE_BAND -> {
        int src = from[0];
        if (run.miss[src] != 0) {
          run.stageMissing(index, run.miss[src]);
        } else {
          int m = majorityOfCode[run.val[src]];
          if (m < 0) {
            run.stageMissing(index, Plan.MU);
          } else {
            run.val[index] = m;
            run.miss[index] = 0;
          }
        }
      }
      case JOINED_LABELS -> {
        long mask = 0;
        int missing = 0;
        int common = 0;
        for (int i = 0; i < from.length; i++) {
          int s = from[i];
          if (run.miss[s] != 0) {
            missing++;
            common = missing == 1 ? run.miss[s] : (common == run.miss[s] ? common : Plan.MU);
          } else if (run.val[s] == 1) {
            mask |= codeBit[i];
          }
        }
        if (mask != 0) {
          run.stageMask(index, mask);
        } else if (missing == from.length) {
          run.stageMissing(index, common);
        } else {
          run.stageMissing(index, missing > 0 ? Plan.MU : Plan.MNA);
        }
      }
      case ANY_OF, ALL_OF -> {
        // three-valued OR / AND: one flag at the decisive value (1 for any-of, 0 for all-of) decides
        int decisive = d.kind() == org.ctdc.schema.DerivationKind.ANY_OF ? 1 : 0;
        boolean decided = false;
        int missing = 0;
        boolean allNc = true;
        for (int s : from) {
          if (run.miss[s] != 0) {
            missing++;
            allNc &= run.miss[s] == Plan.MNC;
          } else if (run.val[s] == decisive) {
            decided = true;
          }
        }
        if (decided) {
          run.stage(index, decisive == 1 ? Resolution.ONE : Resolution.ZERO);
        } else if (missing > 0) {
          run.stageMissing(index, allNc && missing == from.length ? Plan.MNC : Plan.MU);
        } else {
          run.stage(index, decisive == 1 ? Resolution.ZERO : Resolution.ONE);
        }
      }
    }
    return null;
  }
}
