package org.ctdc.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A source column read by flag-from-picklist rules with one split setting: its vocabulary (the folded
 * values of every such rule reading the column), each value numbered by a bit. A raw value is parsed
 * once per row into a {@link Picked} set of bits that every rule on the column then tests.
 */
final class PicklistColumn {
  private final Plan plan;
  final int id;
  final int slot;
  final boolean split;
  final Map<String, Integer> bit = new HashMap<>();
  final int words;
  /** The flag rules reading the column with this split setting, each at its {@code rank}. */
  final List<FlagWhenTarget> rules = new ArrayList<>();

  PicklistColumn(Plan plan, int id, int slot, boolean split, Set<String> vocabulary) {
    this.plan = plan;
    this.id = id;
    this.slot = slot;
    this.split = split;
    for (String v : vocabulary.stream().sorted().toList()) {
      bit.put(v, bit.size());
    }
    this.words = Math.max(1, (bit.size() + 63) >>> 6);
  }

  /** The flag of every rule of the column for a parsed value holding vocabulary values. */
  Resolution[] flagsOf(Picked p) {
    Resolution[] f = new Resolution[rules.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = rules.get(i).of(p);
    }
    return f;
  }

  long[] bits(Set<String> folded) {
    long[] b = new long[words];
    for (String f : folded) {
      int i = Objects.requireNonNull(bit.get(f)); // the folded values are the vocabulary's
      b[i >>> 6] |= 1L << i;
    }
    return b;
  }

  /**
   * The bit of one part of a raw value: {@link Picked#PART_MISSING} when the part is a missing token,
   * {@link Picked#PART_UNMAPPED} when it is outside the vocabulary.
   */
  int partBit(String part) {
    if (plan.missingOf(part) != 0) {
      return Picked.PART_MISSING;
    }
    Integer i = bit.get(NormalizerRegistry.fold(part));
    return i == null ? Picked.PART_UNMAPPED : i;
  }

  /** Parses a raw value that is not absent; the run memoises parts and values. */
  Picked parse(String raw, Run run) {
    if (plan.missingOf(raw) != 0) {
      return Picked.NONE;
    }
    if (!split) {
      return Picked.of(run.partBit(this, raw), words);
    }
    long[] b = null;
    int from = 0;
    int n = raw.length();
    String[] seps = plan.separators;
    outer:
    for (int i = 0; i < n; ) {
      for (String sep : seps) {
        if (raw.startsWith(sep, i)) {
          int pb = run.partBit(this, raw.substring(from, i));
          if (pb == Picked.PART_UNMAPPED) {
            return Picked.UNMAPPED;
          }
          if (pb >= 0) {
            b = b == null ? new long[words] : b;
            b[pb >>> 6] |= 1L << pb;
          }
          i += sep.length();
          from = i;
          continue outer;
        }
      }
      i++;
    }
    int pb = run.partBit(this, raw.substring(from));
    if (pb == Picked.PART_UNMAPPED) {
      return Picked.UNMAPPED;
    }
    if (pb >= 0) {
      b = b == null ? new long[words] : b;
      b[pb >>> 6] |= 1L << pb;
    }
    return b == null ? Picked.NONE : new Picked(Picked.VALUES, b);
  }
}
