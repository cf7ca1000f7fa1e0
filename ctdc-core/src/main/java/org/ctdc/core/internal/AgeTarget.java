package org.ctdc.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.ctdc.core.RejectReason;
import org.ctdc.core.TargetRule;
import org.ctdc.core.normalize.Ages;
import org.ctdc.core.normalize.DatePatterns;
import org.ctdc.schema.Variable;
import org.jspecify.annotations.Nullable;

/**
 * An age rule ({@link org.ctdc.core.TargetRule.Age}) compiled: exact age, birth and reference date, or
 * band, with the majority check. Immutable; thread-safe (see {@link Target}).
 */
final class AgeTarget extends Target {
  /** The largest age whose resolution an age target keeps in a table. */
  static final int AGE_TABLE = 150;

  final int exact;
  final int birth;
  final int ref;
  final int band;
  final int majority;
  final int maximum;
  final AgeOutput output;
  final Variable v;
  final List<String> cols;
  final boolean reject;
  final boolean exactMayBeBirthDate;
  /** Folded source spelling of a majority status to 1 (Adult) or 2 (Minor). */
  final Map<String, Integer> majorityOf = new HashMap<>();

  AgeTarget(Plan plan, int t, TargetRule.Age a, int exact, int birth, int ref, int band, int majority, Variable v) {
    super(plan, t, a, a.exact().or(a::birthDate).or(a::band).orElse(""));
    this.exact = exact;
    this.birth = birth;
    this.ref = ref;
    this.band = band;
    this.majority = majority;
    this.maximum = a.maximum();
    this.output = AgeOutput.of(v).orElseThrow();
    this.v = v;
    this.reject = a.onUnmapped() == TargetRule.OnUnmapped.REJECT;
    this.exactMayBeBirthDate = a.exactMayBeBirthDate();
    majorityOf.put(NormalizerRegistry.fold("Adult"), 1);
    majorityOf.put(NormalizerRegistry.fold("Minor"), 2);
    a.majorityValues().forEach((k, x) -> majorityOf.put(NormalizerRegistry.fold(k), x.equals("Adult") ? 1 : 2));
    List<String> c = new ArrayList<>();
    for (Optional<String> o : List.of(a.exact(), a.birthDate(), a.referenceDate(), a.band(), a.majorityColumn())) {
      o.ifPresent(c::add);
    }
    this.cols = List.copyOf(c);
    this.byAge = new Resolution[Math.min(maximum, AGE_TABLE) + 1];
    for (int age = 0; age < byAge.length; age++) {
      byAge[age] = withMajority(output.of(age), NormalizerRegistry.majority(age));
    }
  }

  /** The resolution of each age from 0 to the maximum, at most {@link #AGE_TABLE} (immutable). */
  final Resolution[] byAge;

  /** The resolution of an age from 0 to the maximum. */
  Resolution ofAge(int age) {
    return age < byAge.length ? byAge[age]
        : withMajority(output.of(age), NormalizerRegistry.majority(age));
  }

  @Override
  List<String> columns() {
    return cols;
  }

  private String col(int slot) {
    return plan.slots[slot];
  }

  /** Majority of a resolved age, kept in the mask: 1 adult, 2 minor, 0 unknown. */
  private Resolution withMajority(String code, @Nullable String majority) {
    long m = majority == null ? 0 : majority.equals("Adult") ? 1 : 2;
    return new Resolution(Resolution.VALUE, v.values().indexOf(code), m, 1, null);
  }

  /** Resolves an exact age, written with the plan.spec's declared age words. */
  @Override
  Resolution resolve(String raw) {
    String s = raw.strip();
    if (s.startsWith("-") && NormalizerRegistry.parseInt(s.substring(1)).isPresent()) {
      return Resolution.invalid(RejectReason.IMPOSSIBLE_AGE);
    }
    OptionalInt a = plan.ageWords.isEmpty() ? NormalizerRegistry.parseInt(s) : Ages.parseAge(s, plan.ageWords);
    if (a.isEmpty()) {
      return Resolution.invalid(RejectReason.NOT_A_NUMBER);
    }
    if (a.getAsInt() > maximum) {
      return Resolution.invalid(RejectReason.IMPOSSIBLE_AGE);
    }
    return ofAge(a.getAsInt());
  }

  /** Resolves a source band. */
  Resolution resolveBand(String raw) {
    String b = raw.strip();
    Optional<String> out =
        switch (output) {
          case AGE_BROAD -> NormalizerRegistry.ageBroadOfBand(b);
          case MAJORITY -> NormalizerRegistry.majorityOfBand(b);
          case RANGE_ONE -> {
            String f = NormalizerRegistry.band(b);
            yield v.values().indexOf(f) >= 0 ? Optional.of(f) : Optional.empty();
          }
        };
    if (out.isEmpty()) {
      return Resolution.UNMAPPED_VALUE;
    }
    return withMajority(out.get(), NormalizerRegistry.majorityOfBand(b).orElse(null));
  }

  /**
   * The age from a birth date (in the column {@code birthSlot}) on the reference date; sets the run's
   * reject column to the date that cannot be read.
   */
  private Resolution fromDates(Run run, String birthRaw, String refRaw, int birthSlot) {
    int pb = NormalizerRegistry.packedDate(birthRaw);
    int pr = pb < 0 ? -1 : NormalizerRegistry.packedDate(refRaw);
    if (pr >= 0) {
      // both dates in the strict ISO form: the age without LocalDate and Period
      int a = NormalizerRegistry.ageOnPacked(pb, pr);
      return a < 0 || a > maximum ? Resolution.invalid(RejectReason.IMPOSSIBLE_AGE) : ofAge(a);
    }
    DatePatterns.Reading b = run.date(birthRaw);
    if (b.kind() != DatePatterns.Reading.Kind.DATE) {
      run.rejectColumn = col(birthSlot);
      return Resolution.invalid(Plan.unreadable(b));
    }
    DatePatterns.Reading r = run.date(refRaw);
    if (r.kind() != DatePatterns.Reading.Kind.DATE) {
      run.rejectColumn = col(ref);
      return Resolution.invalid(Plan.unreadable(r));
    }
    OptionalInt a = NormalizerRegistry.ageOn(b.date().orElseThrow(), r.date().orElseThrow());
    if (a.isEmpty() || a.getAsInt() > maximum) {
      return Resolution.invalid(RejectReason.IMPOSSIBLE_AGE);
    }
    return ofAge(a.getAsInt());
  }

  @Override
  @Nullable RejectReason eval(Run run, @Nullable String[] raw) {
    Resolution res = null;
    if (exact >= 0 && plan.missingOf(raw[exact]) == 0) {
      run.rejectColumn = col(exact);
      res = run.memo(this, raw[exact]);
      if (exactMayBeBirthDate && res.kind == Resolution.INVALID && res.reject == RejectReason.NOT_A_NUMBER
          && plan.missingOf(raw[ref]) == 0) {
        // a column mixing ages and birth dates: a value that is not an age may be a birth date
        res = fromDates(run, raw[exact], raw[ref], exact);
      }
    } else if (birth >= 0 && plan.missingOf(raw[birth]) == 0 && plan.missingOf(raw[ref]) == 0) {
      run.rejectColumn = col(birth);
      res = fromDates(run, raw[birth], raw[ref], birth);
    } else if (band >= 0 && plan.missingOf(raw[band]) == 0) {
      run.rejectColumn = col(band);
      res = run.memoBand(this, raw[band]);
      if (res.kind == Resolution.UNMAPPED) {
        run.noteUnmapped(index, raw[band].strip(), null);
      }
    }
    if (res == null) {
      run.stageMissing(index, Plan.MU);
      return null;
    }
    if (res.kind != Resolution.VALUE) {
      if (!reject && res.reject != null && res.reject.isUnreadableValue()) {
        if (res.kind != Resolution.UNMAPPED) {
          // counted among the unmapped values like a mapped column's (a band's is counted above)
          String value = raw[plan.slotOf(run.rejectColumn)];
          run.noteUnmapped(index, value == null ? "" : value.strip(), null);
        }
        run.turnMissing(index, res.reject);
        return null;
      }
      return res.reject;
    }
    if (majority >= 0 && res.mask != 0 && plan.missingOf(raw[majority]) == 0) {
      Integer given = majorityOf.get(NormalizerRegistry.fold(raw[majority]));
      if (given == null) {
        run.noteUnmapped(index, raw[majority].strip(), null);
        if (reject) {
          run.rejectColumn = col(majority);
          return RejectReason.UNMAPPED_VALUE;
        }
      } else if (given != res.mask) {
        run.rejectColumn = col(majority);
        return RejectReason.CONTRADICTORY_AGE;
      }
    }
    run.stage(index, res);
    return null;
  }
}
