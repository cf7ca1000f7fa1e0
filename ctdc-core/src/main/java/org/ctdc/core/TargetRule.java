package org.ctdc.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ctdc.schema.DerivationKind;

/**
 * How one target variable of an {@link AlignmentSpec} gets its value from a partner's row. Each rule
 * names its target; the permitted rules are the nested records. They are documented with examples in
 * {@code docs/alignment-spec.md}.
 *
 * <p>Implementations are immutable records and thread-safe.
 */
public sealed interface TargetRule {

  /** @return the name of the target variable this rule fills */
  String target();

  /**
   * What to do with a source value that cannot be read: one no mapping, normaliser or code of the target
   * recognises, a number, year or date that is not one, or an ambiguous date (the reasons of
   * {@link RejectReason#isUnreadableValue()}).
   */
  enum OnUnmapped {
    /** Reject the row (reason {@link RejectReason#UNMAPPED_VALUE} or the other unreadable ones); the default. */
    REJECT,
    /**
     * Keep the row; the cell is missing with reason {@link org.ctdc.schema.MissingReason#UNKNOWN}, counted
     * by its reason in {@link AlignmentReport.TargetCoverage#turnedMissing()}.
     */
    MISSING
  }

  /**
   * The same value for every row, such as {@code Datasource: Hotline}.
   *
   * @param target the target variable
   * @param value a code of the target's value set, {@code 0}/{@code 1} for a flag, or a number for a year
   *     or count
   */
  record Constant(String target, String value) implements TargetRule {
    /** Validates. */
    public Constant {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The source does not collect this variable at all: every row is missing with reason
   * {@link org.ctdc.schema.MissingReason#NOT_COLLECTED}, never 0 or "no".
   *
   * @param target the target variable
   */
  record NotCollected(String target) implements TargetRule {
    /** Validates. */
    public NotCollected {
      Objects.requireNonNull(target, "target");
    }
  }

  /**
   * Computed from other target variables of the same row after every other rule has run.
   *
   * @param target the target variable
   * @param kind the derivation
   * @param from the target variables it is computed from, in order; at least one
   */
  record Derived(String target, DerivationKind kind, List<String> from) implements TargetRule {
    /** Validates and copies. */
    public Derived {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(kind, "kind");
      from = List.copyOf(from);
    }
  }

  /**
   * A value read from one source column: trimmed; a missing token (the source's conventions plus
   * {@code missing}) makes it missing (unknown); the normalisers run in order; then the value map is
   * looked up by folded text (case, accents, quotes and spaces ignored); then the target's own codes and
   * aliases. For a flag target the source's flag spellings are tried last; for a year or count an integer.
   * A multi-valued target splits the value with the source's separators first.
   *
   * @param target the target variable
   * @param column the source column
   * @param normalizers the normaliser names, run in order (see {@code docs/alignment-spec.md})
   * @param map source value to target code; keys compared folded
   * @param missing extra tokens read as missing for this column only (compared folded)
   * @param onUnmapped what to do with a value that cannot be read (unmapped, not a number or date, an
   *     ambiguous date)
   */
  record Mapped(
      String target,
      String column,
      List<String> normalizers,
      Map<String, String> map,
      List<String> missing,
      OnUnmapped onUnmapped)
      implements TargetRule {
    /** Validates and copies. */
    public Mapped {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(column, "column");
      normalizers = List.copyOf(normalizers);
      map = Map.copyOf(map);
      missing = List.copyOf(missing);
      Objects.requireNonNull(onUnmapped, "onUnmapped");
    }
  }

  /**
   * A flag set when the source column (a picklist, single or multi-valued) holds one of the listed
   * values. The column's vocabulary is the union of {@code when} and {@code unknownWhen} over every
   * {@code FlagWhen} rule of the spec reading that column, plus {@code otherValues}: a value outside it
   * is unmapped. A missing source value, or one listed in {@code unknownWhen}, makes the flag missing
   * (unknown); any other known value makes it 0.
   *
   * @param target the target flag
   * @param column the source column
   * @param split whether the column holds several values joined by the source's separators
   * @param when the values that set the flag (compared folded)
   * @param unknownWhen the values that leave the flag unknown (such as {@code Not Specified})
   * @param otherValues further known values of the column that set none of the spec's flags
   * @param onUnmapped what to do with a value outside the column's vocabulary
   */
  record FlagWhen(
      String target,
      String column,
      boolean split,
      List<String> when,
      List<String> unknownWhen,
      List<String> otherValues,
      OnUnmapped onUnmapped)
      implements TargetRule {
    /** Validates and copies. */
    public FlagWhen {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(column, "column");
      when = List.copyOf(when);
      unknownWhen = List.copyOf(unknownWhen);
      otherValues = List.copyOf(otherValues);
      Objects.requireNonNull(onUnmapped, "onUnmapped");
    }
  }

  /**
   * A flag that is the logical OR of several source flag columns, with missing as "unknown"
   * (three-valued logic): 1 when any source is 1; 0 when every source is 0; otherwise missing (with
   * reason not collected when every source is not collected, else unknown).
   *
   * @param target the target flag
   * @param columns the source flag columns; at least one
   */
  record AnyOf(String target, List<String> columns) implements TargetRule {
    /** Validates and copies. */
    public AnyOf {
      Objects.requireNonNull(target, "target");
      columns = List.copyOf(columns);
    }
  }

  /**
   * An age band or majority status from an exact age, or a birth date and a reference date, or a source
   * band, tried in that order per row (the first non-missing wins). An age above {@code maximum} or below
   * 0, or a birth date after the reference date, rejects the row ({@link RejectReason#IMPOSSIBLE_AGE}).
   * When {@code majorityColumn} is given and contradicts the computed age, the row is rejected
   * ({@link RejectReason#CONTRADICTORY_AGE}). Exact ages are read with the spec's declared age words and
   * dates with its declared date patterns ({@link SourceFormats}).
   *
   * @param target the target variable: an age band ({@code ageBroad}, "Age range 1") or majority status
   * @param exact the column of the exact age in years, if any
   * @param birthDate the column of the birth date, if any
   * @param referenceDate the column of the reference date, such as the registration date, if any
   * @param band the column of a source age band, if any
   * @param majorityColumn a column of a given majority status ({@code Adult}/{@code Minor}), if any
   * @param maximum the largest possible age
   * @param exactMayBeBirthDate whether a value of the {@code exact} column that is a date (not an age) is a
   *     birth date, whose age is computed on the reference date (a column mixing ages and birth dates);
   *     needs {@code referenceDate}
   * @param majorityValues how the majority column writes Adult and Minor, such as {@code Y: Adult},
   *     {@code N: Minor} (keys compared folded); {@code Adult} and {@code Minor} themselves are always read
   * @param onUnmapped what to do with an age, a date, a band or a majority value that cannot be read
   *     ({@code not-a-number}, {@code ambiguous-date}, {@code unmapped-value}): reject the row (the default)
   *     or leave the cell missing, counted by reason in the report; an impossible or contradictory age
   *     always rejects the row
   */
  record Age(
      String target,
      Optional<String> exact,
      Optional<String> birthDate,
      Optional<String> referenceDate,
      Optional<String> band,
      Optional<String> majorityColumn,
      int maximum,
      boolean exactMayBeBirthDate,
      Map<String, String> majorityValues,
      OnUnmapped onUnmapped)
      implements TargetRule {
    /** Validates and copies. */
    public Age {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(exact, "exact");
      Objects.requireNonNull(birthDate, "birthDate");
      Objects.requireNonNull(referenceDate, "referenceDate");
      Objects.requireNonNull(band, "band");
      Objects.requireNonNull(majorityColumn, "majorityColumn");
      majorityValues = Map.copyOf(majorityValues);
      Objects.requireNonNull(onUnmapped, "onUnmapped");
      if (maximum < 1) {
        throw new IllegalArgumentException("maximum age must be positive");
      }
    }

    /**
     * An age rule with today's defaults: plain ages, no birth dates in the exact column, {@code Adult} and
     * {@code Minor} only, unreadable values rejected.
     *
     * @param target the target variable
     * @param exact the exact age column
     * @param birthDate the birth date column
     * @param referenceDate the reference date column
     * @param band the source band column
     * @param majorityColumn the given majority column
     * @param maximum the largest possible age
     */
    public Age(
        String target, Optional<String> exact, Optional<String> birthDate, Optional<String> referenceDate,
        Optional<String> band, Optional<String> majorityColumn, int maximum) {
      this(target, exact, birthDate, referenceDate, band, majorityColumn, maximum, false, Map.of(),
          OnUnmapped.REJECT);
    }
  }
}
