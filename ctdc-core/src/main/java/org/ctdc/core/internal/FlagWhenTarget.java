package org.ctdc.core.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ctdc.core.RejectReason;
import org.ctdc.core.TargetRule;
import org.jspecify.annotations.Nullable;

/**
 * A flag-from-picklist rule ({@link org.ctdc.core.TargetRule.FlagWhen}) compiled: its values as bits of
 * the column's {@link PicklistColumn} vocabulary. Immutable; thread-safe (see {@link Target}).
 */
final class FlagWhenTarget extends Target {
  final int slot;
  final boolean split;
  final Set<String> when = new HashSet<>();
  final Set<String> unknownWhen = new HashSet<>();
  final Set<String> vocabulary;
  final boolean reject;
  final PicklistColumn picklist;
  final long[] whenBits;
  final long[] unknownBits;

  FlagWhenTarget(Plan plan, 
      int t, TargetRule.FlagWhen f, int slot, Set<String> vocabulary, PicklistColumn picklist) {
    super(plan, t, f, f.column());
    this.slot = slot;
    this.split = f.split();
    f.when().forEach(x -> when.add(NormalizerRegistry.fold(x)));
    f.unknownWhen().forEach(x -> unknownWhen.add(NormalizerRegistry.fold(x)));
    this.vocabulary = Set.copyOf(vocabulary);
    this.reject = f.onUnmapped() == TargetRule.OnUnmapped.REJECT;
    this.picklist = picklist;
    this.whenBits = picklist.bits(when);
    this.unknownBits = picklist.bits(unknownWhen);
    this.rank = picklist.rules.size();
    picklist.rules.add(this);
  }

  /** This rule's place among the rules of its picklist column. */
  final int rank;

  /** The flag of a parsed value; the same as {@link #resolve} of the raw value. */
  Resolution of(Picked p) {
    switch (p.state) {
      case Picked.NOT_IN_VOCABULARY:
        return Resolution.UNMAPPED_VALUE;
      case Picked.NO_VALUE:
        return Resolution.UNKNOWN;
      default:
        return p.intersects(whenBits) ? Resolution.ONE
            : p.intersects(unknownBits) ? Resolution.UNKNOWN
            : Resolution.ZERO;
    }
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
    return run.apply(index, flagOf(run.picked(picklist, s)), s, reject);
  }

  /** The flag of a value parsed by the run: {@link #of}, computed once per distinct value. */
  Resolution flagOf(Picked p) {
    return p.state == Picked.VALUES ? p.flags[rank]
        : p.state == Picked.NO_VALUE ? Resolution.UNKNOWN
        : Resolution.UNMAPPED_VALUE;
  }

  /** Resolves a raw value without the shared parse (the reference the parse must agree with). */
  @Override
  Resolution resolve(String raw) {
    boolean any = false;
    boolean set = false;
    boolean unknown = false;
    for (String part : split ? plan.split(raw) : List.of(raw)) {
      if (plan.missingOf(part) != 0) {
        continue;
      }
      String f = NormalizerRegistry.fold(part);
      if (!vocabulary.contains(f)) {
        return Resolution.UNMAPPED_VALUE;
      }
      any = true;
      set |= when.contains(f);
      unknown |= unknownWhen.contains(f);
    }
    if (!any) {
      return Resolution.UNKNOWN;
    }
    return set ? Resolution.ONE : unknown ? Resolution.UNKNOWN : Resolution.ZERO;
  }
}
