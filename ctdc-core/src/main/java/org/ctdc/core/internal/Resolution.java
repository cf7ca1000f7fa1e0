package org.ctdc.core.internal;

import java.util.List;
import org.ctdc.core.RejectReason;
import org.jspecify.annotations.Nullable;

/** The result of resolving one source value for one target; memoised per raw value. */
final class Resolution {
  static final int VALUE = 0;
  static final int MISSING = 1;
  static final int UNMAPPED = 2;
  static final int INVALID = 3;

  final int kind;
  /** A code index, an integer value, or (missing) a negative missing constant. */
  final int code;
  final long mask;
  final double score;
  final @Nullable RejectReason reject;
  /** Unmapped: the closest candidate of the normaliser (a code of a closed set, e.g. a country's alpha-3), or null. */
  final @Nullable String suggestion;

  Resolution(int kind, int code, long mask, double score, @Nullable RejectReason reject) {
    this(kind, code, mask, score, reject, null);
  }

  private Resolution(
      int kind, int code, long mask, double score, @Nullable RejectReason reject, @Nullable String suggestion) {
    this.kind = kind;
    this.code = code;
    this.mask = mask;
    this.score = score;
    this.reject = reject;
    this.suggestion = suggestion;
  }

  /** An unmapped value with the normaliser's suggestions; the first is kept for the report. */
  static Resolution unmapped(List<String> suggestions) {
    return suggestions.isEmpty()
        ? UNMAPPED_VALUE
        : new Resolution(UNMAPPED, 0, 0, 0, RejectReason.UNMAPPED_VALUE, suggestions.get(0));
  }

  static Resolution code(int code, double score) {
    return new Resolution(VALUE, code, 0, score, null);
  }

  static Resolution mask(long mask, double score) {
    return new Resolution(VALUE, 0, mask, score, null);
  }

  static Resolution missing(int reason) {
    return new Resolution(MISSING, reason, 0, 1, null);
  }

  static final Resolution UNKNOWN = missing(Plan.MU);
  static final Resolution ONE = code(1, 1);
  static final Resolution ZERO = code(0, 1);
  static final Resolution UNMAPPED_VALUE = new Resolution(UNMAPPED, 0, 0, 0, RejectReason.UNMAPPED_VALUE);

  static Resolution invalid(RejectReason r) {
    return new Resolution(INVALID, 0, 0, 0, r);
  }

  boolean isFuzzy() {
    return kind == VALUE && score < 1.0;
  }
}
