package org.ctdc.core.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.ctdc.core.RejectReason;
import org.ctdc.core.TargetRule;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.jspecify.annotations.Nullable;

/**
 * A mapped-column rule ({@link org.ctdc.core.TargetRule.Mapped}) compiled: missing tokens, normalisers,
 * the value map and the target's codes, resolved once per distinct raw value. Immutable; thread-safe (see {@link Target}).
 */
final class MappedTarget extends Target {
  final int slot;
  final Variable v;
  final NormalizerRegistry.Step[] steps;
  final Map<String, Resolution> mapped = new HashMap<>();
  final Set<String> extraMissing = new HashSet<>();
  final Map<String, Integer> foldedCodes = new HashMap<>();
  final boolean reject;

  MappedTarget(Plan plan, int t, TargetRule.Mapped m, int slot, Variable v) {
    super(plan, t, m, m.column());
    this.slot = slot;
    this.v = v;
    this.steps =
        m.normalizers().stream().map(n -> NormalizerRegistry.compile(n, v, plan.dates, plan.ageWords)).toArray(NormalizerRegistry.Step[]::new);
    for (Map.Entry<String, String> e : m.map().entrySet()) {
      mapped.put(NormalizerRegistry.fold(e.getKey()), Plan.resolveTargetValue(v, e.getValue()));
    }
    m.missing().forEach(x -> extraMissing.add(NormalizerRegistry.fold(x)));
    if (v.kind().isClosed() && v.kind() != VariableKind.FLAG) {
      for (int i = 0; i < v.values().size(); i++) {
        foldedCodes.putIfAbsent(NormalizerRegistry.fold(v.values().code(i).code()), i);
      }
      for (int i = 0; i < v.values().size(); i++) {
        for (String a : v.values().code(i).aliases()) {
          foldedCodes.putIfAbsent(NormalizerRegistry.fold(a), i);
        }
      }
    }
    this.reject = m.onUnmapped() == TargetRule.OnUnmapped.REJECT;
  }

  @Override
  List<String> columns() {
    return List.of(column);
  }

  @Override
  @Nullable RejectReason eval(Run run, @Nullable String[] raw) {
    String s = raw[slot];
    int miss = Plan.absentOf(s);
    if (miss != 0 || s == null) {
      run.stageMissing(index, miss);
      return null;
    }
    Resolution res = run.memo(this, s);
    return run.apply(index, res, s, reject);
  }

  /** Resolves a raw value that is not absent: a missing token of the source is missing (unknown). */
  @Override
  Resolution resolve(String raw) {
    if (plan.missingOf(raw) != 0) {
      return Resolution.UNKNOWN;
    }
    if (v.isMultiValued()) {
      long mask = 0;
      double score = 1;
      for (String part : plan.split(raw)) {
        if (plan.missingOf(part) != 0) {
          continue;
        }
        Resolution r = resolveOne(part.strip());
        if (r.kind == Resolution.MISSING) {
          continue;
        }
        if (r.kind != Resolution.VALUE) {
          return r;
        }
        mask |= r.kind == Resolution.VALUE ? maskOf(r) : 0;
        score = Math.min(score, r.score);
      }
      return mask == 0 ? Resolution.UNKNOWN : Resolution.mask(mask, score);
    }
    return resolveOne(raw.strip());
  }

  private long maskOf(Resolution r) {
    return r.mask != 0 ? r.mask : 1L << r.code;
  }

  Resolution resolveOne(String value) {
    String s = value;
    double score = 1;
    if (!extraMissing.isEmpty() && extraMissing.contains(NormalizerRegistry.fold(s))) {
      return Resolution.UNKNOWN;
    }
    for (NormalizerRegistry.Step step : steps) {
      NormalizerRegistry.Outcome o = step.apply(s);
      switch (o.kind()) {
        case MISSING:
          return Resolution.UNKNOWN;
        case UNMAPPED:
          return Resolution.unmapped(o.suggestions());
        case INVALID:
          return Resolution.invalid(o.reject());
        default:
          s = o.value();
          score = Math.min(score, o.score());
      }
    }
    String f = NormalizerRegistry.fold(s);
    if (!extraMissing.isEmpty() && extraMissing.contains(f)) {
      return Resolution.UNKNOWN;
    }
    Resolution m = mapped.get(f);
    if (m != null) {
      return score < 1 ? withScore(m, score) : m;
    }
    if (v.kind() == VariableKind.FLAG) {
      int flag = plan.parseFlag(s);
      return flag < 0 ? Resolution.UNMAPPED_VALUE : Resolution.code(flag, score);
    }
    if (v.kind().isInteger()) {
      OptionalInt i = NormalizerRegistry.parseInt(s);
      if (i.isEmpty()) {
        return Resolution.invalid(RejectReason.NOT_A_NUMBER);
      }
      int x = i.getAsInt();
      if (x < v.minimum().orElse(v.kind() == VariableKind.COUNT ? 0 : Integer.MIN_VALUE)
          || x > v.maximum().orElse(Integer.MAX_VALUE)) {
        return Resolution.invalid(RejectReason.OUT_OF_RANGE);
      }
      return Resolution.code(x, score);
    }
    int idx = v.values().indexOf(s);
    if (idx < 0) {
      Integer fi = foldedCodes.get(f);
      idx = fi == null ? -1 : fi;
    }
    if (idx < 0) {
      return Resolution.UNMAPPED_VALUE;
    }
    return v.isMultiValued() ? Resolution.mask(1L << idx, score) : Resolution.code(idx, score);
  }

  private Resolution withScore(Resolution r, double score) {
    return new Resolution(r.kind, r.code, r.mask, score, r.reject);
  }
}
