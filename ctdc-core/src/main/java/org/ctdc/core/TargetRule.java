package org.ctdc.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ctdc.core.internal.NormalizerRegistry;
import org.ctdc.schema.DerivationKind;
import org.ctdc.schema.internal.Shown;
import org.jspecify.annotations.Nullable;

/**
 * How one target variable of an {@link AlignmentSpec} gets its value from a partner's row. Each rule
 * names its target; the permitted rules are the nested records. They are documented with examples in
 * {@code docs/alignment-spec.md}.
 *
 * <p>Build rules with the static factories of this interface, one per kind of rule, which are also what
 * the spec reader ({@link Specs}) uses, so a rule built in Java equals the same rule read from YAML:
 *
 * <pre>{@code
 * TargetRule.constant("Datasource", "Hotline");
 * TargetRule.notCollected("isForcedMarriage");
 * TargetRule.mapped("gender").from("Sex").normalize("fold").map("M", "Male").map("F", "Female")
 *     .missing("NonSpecifiedUnknown").build();
 * TargetRule.flagWhen("isSexualExploit").from("TraffickingType").when("Sex", "Sex and Labor")
 *     .unknownWhen("Not Specified").build();
 * TargetRule.anyOf("meansThreats", "meansOfControlThreats", "meansOfControlUsesChildren");
 * TargetRule.age("ageBroad").exact("Age").birthDate("DOB").referenceDate("RegDate").maximum(110).build();
 * TargetRule.derived("isSexAndLabour", DerivationKind.ALL_OF, "isSexualExploit", "isForcedLabour");
 * }</pre>
 *
 * <p>Every setter checks its argument when it is called: {@link NullPointerException} for a null,
 * {@link IllegalArgumentException} for a value out of range (a blank column name, an unknown normaliser,
 * an empty list), {@link IllegalStateException} for a setting given twice or conflicting with one given
 * before; {@code build()} throws {@link IllegalStateException} when a required setting is missing or two
 * settings do not go together. Each message names the setting, never a value. What depends on the target
 * schema (a target variable that exists, codes of its value set) is checked when the spec is built
 * ({@link AlignmentSpec.Builder#build()}, an {@link AlignmentSpecException}). The records' canonical
 * constructors check the same rules as their builders (an {@link IllegalArgumentException}).
 *
 * <p>Implementations are immutable records and thread-safe; the builders are not thread-safe.
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
   * A builder of one rule, as {@link AlignmentSpec.Builder#rule(RuleBuilder)} takes it. Not thread-safe.
   *
   * @param <R> the rule built
   */
  interface RuleBuilder<R extends TargetRule> {
    /**
     * @return the rule
     * @throws IllegalStateException when a required setting is missing or two settings do not go together
     */
    R build();
  }

  // ------------------------------------------------------------------------------------------------
  // the static factories, one per kind of rule

  /**
   * The same value for every row ({@code {target: T, constant: V}}).
   *
   * @param target the target variable
   * @param value a code of the target's value set, {@code 0}/{@code 1} for a flag, or a number
   * @return the rule
   * @throws IllegalArgumentException if {@code target} is blank
   */
  static Constant constant(String target, String value) {
    return new Constant(target, value);
  }

  /**
   * The source does not collect the variable ({@code {target: T, notCollected: true}}).
   *
   * @param target the target variable
   * @return the rule
   * @throws IllegalArgumentException if {@code target} is blank
   */
  static NotCollected notCollected(String target) {
    return new NotCollected(target);
  }

  /**
   * A value read from one source column ({@code {target: T, column: C, normalize: [...], map: {...},
   * missing: [...], onUnmapped: ...}}).
   *
   * @param target the target variable
   * @return a new builder; {@link Mapped.Builder#from(String)} is required
   * @throws IllegalArgumentException if {@code target} is blank
   */
  static Mapped.Builder mapped(String target) {
    return new Mapped.Builder(target);
  }

  /**
   * A flag set when a picklist column holds one of some values ({@code {target: T, column: C, split: ...,
   * when: [...], unknownWhen: [...], otherValues: [...], onUnmapped: ...}}).
   *
   * @param target the target flag
   * @return a new builder; {@link FlagWhen.Builder#from(String)} and {@link FlagWhen.Builder#when} are
   *     required
   * @throws IllegalArgumentException if {@code target} is blank
   */
  static FlagWhen.Builder flagWhen(String target) {
    return new FlagWhen.Builder(target);
  }

  /**
   * The OR of source flag columns ({@code {target: T, anyOf: [C1, C2]}}).
   *
   * @param target the target flag
   * @param columns the source flag columns; at least one
   * @return the rule
   * @throws IllegalArgumentException if {@code target} or a column is blank, or no column is given
   */
  static AnyOf anyOf(String target, String... columns) {
    return new AnyOf(target, Arrays.asList(columns));
  }

  /**
   * The OR of source flag columns ({@code {target: T, anyOf: [C1, C2]}}).
   *
   * @param target the target flag
   * @param columns the source flag columns; at least one
   * @return the rule
   * @throws IllegalArgumentException if {@code target} or a column is blank, or no column is given
   */
  static AnyOf anyOf(String target, List<String> columns) {
    return new AnyOf(target, columns);
  }

  /**
   * An age band or majority status ({@code {target: T, age: {...}, onUnmapped: ...}}).
   *
   * @param target the target variable
   * @return a new builder; at least one of {@link Age.Builder#exact}, {@link Age.Builder#birthDate} (with
   *     {@link Age.Builder#referenceDate}) or {@link Age.Builder#band} is required
   * @throws IllegalArgumentException if {@code target} is blank
   */
  static Age.Builder age(String target) {
    return new Age.Builder(target);
  }

  /**
   * A variable computed from other targets ({@code {target: T, derive: KIND, from: [S1, S2]}}).
   *
   * @param target the target variable
   * @param kind the derivation
   * @param from the target variables it is computed from, in order; at least one
   * @return the rule
   * @throws IllegalArgumentException if {@code target} or a source is blank, or no source is given
   */
  static Derived derived(String target, DerivationKind kind, String... from) {
    return new Derived(target, kind, Arrays.asList(from));
  }

  /**
   * A variable computed from other targets ({@code {target: T, derive: KIND, from: [S1, S2]}}).
   *
   * @param target the target variable
   * @param kind the derivation
   * @param from the target variables it is computed from, in order; at least one
   * @return the rule
   * @throws IllegalArgumentException if {@code target} or a source is blank, or no source is given
   */
  static Derived derived(String target, DerivationKind kind, List<String> from) {
    return new Derived(target, kind, from);
  }

  // ------------------------------------------------------------------------------------------------
  // the rules

  /**
   * The same value for every row, such as {@code Datasource: Hotline}.
   *
   * @param target the target variable
   * @param value a code of the target's value set, {@code 0}/{@code 1} for a flag, or a number for a year
   *     or count
   */
  record Constant(String target, String value) implements TargetRule {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException if {@code target} is blank
     */
    public Constant {
      name(target, "target");
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
    /**
     * Validates.
     *
     * @throws IllegalArgumentException if {@code target} is blank
     */
    public NotCollected {
      name(target, "target");
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
    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if {@code target} or a source is blank, or {@code from} is empty
     */
    public Derived {
      name(target, "target");
      Objects.requireNonNull(kind, "kind");
      from = names(from, "from", "a derivation needs at least one source");
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
   * @param map source value to target code; keys compared folded, so two keys that fold alike must map
   *     onto the same code
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
    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if {@code target} or {@code column} is blank, a normaliser is
     *     unknown, or two keys of {@code map} that fold alike map onto different codes
     */
    public Mapped {
      name(target, "target");
      name(column, "column");
      normalizers = List.copyOf(normalizers);
      for (int i = 0; i < normalizers.size(); i++) {
        normalizer(normalizers.get(i), "normalize[" + i + "]");
      }
      map = Map.copyOf(map);
      String clash = foldedClash(map);
      if (clash != null) {
        throw new IllegalArgumentException(clash);
      }
      missing = List.copyOf(missing);
      Objects.requireNonNull(onUnmapped, "onUnmapped");
    }

    /**
     * Builds a {@link Mapped} rule; made by {@link TargetRule#mapped(String)}. Every setter returns this
     * builder. Not thread-safe.
     */
    public static final class Builder implements RuleBuilder<Mapped> {
      private final String target;
      private @Nullable String column;
      private final List<String> normalizers = new ArrayList<>();
      private final Map<String, String> map = new LinkedHashMap<>();
      private final List<String> missing = new ArrayList<>();
      private @Nullable OnUnmapped onUnmapped;

      private Builder(String target) {
        this.target = name(target, "target");
      }

      /**
       * @param column the source column (YAML {@code column}); required
       * @return this builder
       * @throws IllegalArgumentException if blank
       * @throws IllegalStateException if already set
       */
      public Builder from(String column) {
        once(this.column, "from (the source column)");
        this.column = name(column, "from (the source column)");
        return this;
      }

      /**
       * Appends normalisers, run in order (YAML {@code normalize}).
       *
       * @param names normaliser names such as {@code fold}, {@code country}, {@code year}
       * @return this builder
       * @throws IllegalArgumentException if a name is not a known normaliser
       */
      public Builder normalize(String... names) {
        for (String n : names) {
          normalizers.add(normalizer(n, "normalize"));
        }
        return this;
      }

      /**
       * Maps one source value onto a target code (YAML {@code map}); keys are compared folded.
       *
       * @param sourceValue the value as the partner writes it
       * @param targetCode a code of the target (checked against the schema when the spec is built)
       * @return this builder
       * @throws IllegalStateException if the key is already mapped, or folds like a key mapped onto
       *     another code
       */
      public Builder map(String sourceValue, String targetCode) {
        Objects.requireNonNull(sourceValue, "map key");
        Objects.requireNonNull(targetCode, "map value");
        if (map.containsKey(sourceValue)) {
          throw new IllegalStateException("map: the key '" + Shown.name(sourceValue) + "' is already mapped");
        }
        Map<String, String> next = new LinkedHashMap<>(map);
        next.put(sourceValue, targetCode);
        String clash = foldedClash(next);
        if (clash != null) {
          throw new IllegalStateException(clash);
        }
        map.put(sourceValue, targetCode);
        return this;
      }

      /**
       * Maps source values onto target codes, as {@link #map(String, String)} for each entry in the map's
       * iteration order.
       *
       * @param entries source value to target code
       * @return this builder
       * @throws IllegalStateException as {@link #map(String, String)}
       */
      public Builder map(Map<String, String> entries) {
        entries.forEach(this::map);
        return this;
      }

      /**
       * Appends tokens read as missing for this column only (YAML {@code missing}; compared folded).
       *
       * @param tokens the tokens
       * @return this builder
       */
      public Builder missing(String... tokens) {
        for (String t : tokens) {
          missing.add(Objects.requireNonNull(t, "missing"));
        }
        return this;
      }

      /**
       * @param what what to do with a value that cannot be read (default {@link OnUnmapped#REJECT})
       * @return this builder
       * @throws IllegalStateException if already set
       */
      public Builder onUnmapped(OnUnmapped what) {
        once(this.onUnmapped, "onUnmapped");
        this.onUnmapped = Objects.requireNonNull(what, "onUnmapped");
        return this;
      }

      /**
       * @return the rule
       * @throws IllegalStateException if {@link #from(String)} was not set
       */
      @Override
      public Mapped build() {
        String c = required(column, "from (the source column)");
        return new Mapped(target, c, normalizers, map, missing, onUnmapped == null ? OnUnmapped.REJECT : onUnmapped);
      }
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
   * @param when the values that set the flag (compared folded); at least one
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
    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if {@code target} or {@code column} is blank or {@code when} is empty
     */
    public FlagWhen {
      name(target, "target");
      name(column, "column");
      when = List.copyOf(when);
      if (when.isEmpty()) {
        throw new IllegalArgumentException("when: at least one value is needed");
      }
      unknownWhen = List.copyOf(unknownWhen);
      otherValues = List.copyOf(otherValues);
      Objects.requireNonNull(onUnmapped, "onUnmapped");
    }

    /**
     * Builds a {@link FlagWhen} rule; made by {@link TargetRule#flagWhen(String)}. Every setter returns
     * this builder. Not thread-safe.
     */
    public static final class Builder implements RuleBuilder<FlagWhen> {
      private final String target;
      private @Nullable String column;
      private @Nullable Boolean split;
      private final List<String> when = new ArrayList<>();
      private final List<String> unknownWhen = new ArrayList<>();
      private final List<String> otherValues = new ArrayList<>();
      private @Nullable OnUnmapped onUnmapped;

      private Builder(String target) {
        this.target = name(target, "target");
      }

      /**
       * @param column the picklist column (YAML {@code column}); required
       * @return this builder
       * @throws IllegalArgumentException if blank
       * @throws IllegalStateException if already set
       */
      public Builder from(String column) {
        once(this.column, "from (the source column)");
        this.column = name(column, "from (the source column)");
        return this;
      }

      /**
       * @param multiValued whether the column holds several values joined by the source's separators
       *     (YAML {@code split}; default false)
       * @return this builder
       * @throws IllegalStateException if already set
       */
      public Builder split(boolean multiValued) {
        once(this.split, "split");
        this.split = multiValued;
        return this;
      }

      /**
       * Appends values that set the flag (YAML {@code when}; compared folded).
       *
       * @param values the values; at least one
       * @return this builder
       * @throws IllegalArgumentException if none is given
       */
      public Builder when(String... values) {
        return append(when, values, "when");
      }

      /**
       * Appends values that leave the flag unknown (YAML {@code unknownWhen}), such as {@code Not Specified}.
       *
       * @param values the values
       * @return this builder
       */
      public Builder unknownWhen(String... values) {
        return append(unknownWhen, values, null);
      }

      /**
       * Appends further known values of the column that set none of the spec's flags (YAML
       * {@code otherValues}).
       *
       * @param values the values
       * @return this builder
       */
      public Builder otherValues(String... values) {
        return append(otherValues, values, null);
      }

      private Builder append(List<String> to, String[] values, @Nullable String nonEmpty) {
        if (nonEmpty != null && values.length == 0) {
          throw new IllegalArgumentException(nonEmpty + ": at least one value is needed");
        }
        for (String v : values) {
          to.add(Objects.requireNonNull(v, "value"));
        }
        return this;
      }

      /**
       * @param what what to do with a value outside the column's vocabulary (default {@link OnUnmapped#REJECT})
       * @return this builder
       * @throws IllegalStateException if already set
       */
      public Builder onUnmapped(OnUnmapped what) {
        once(this.onUnmapped, "onUnmapped");
        this.onUnmapped = Objects.requireNonNull(what, "onUnmapped");
        return this;
      }

      /**
       * @return the rule
       * @throws IllegalStateException if {@link #from(String)} or {@link #when(String...)} was not set
       */
      @Override
      public FlagWhen build() {
        String c = required(column, "from (the source column)");
        if (when.isEmpty()) {
          throw new IllegalStateException("when: at least one value is needed");
        }
        return new FlagWhen(target, c, split != null && split, when, unknownWhen, otherValues,
            onUnmapped == null ? OnUnmapped.REJECT : onUnmapped);
      }
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
    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if {@code target} or a column is blank, or {@code columns} is empty
     */
    public AnyOf {
      name(target, "target");
      columns = names(columns, "anyOf", "at least one column is needed");
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
   *     needs {@code exact} and {@code referenceDate}
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

    /** The largest possible age when none is set: 120 years. */
    public static final int DEFAULT_MAXIMUM = 120;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a column is blank, {@code maximum} is below 1, no column to read
     *     an age from is given, a birth date comes without a reference date (or the other way round),
     *     {@code exactMayBeBirthDate} lacks {@code exact} or {@code referenceDate}, {@code majorityValues}
     *     lacks {@code majorityColumn} or maps onto anything but Adult and Minor
     */
    public Age {
      name(target, "target");
      for (Map.Entry<String, Optional<String>> c : Map.of("exact", exact, "birthDate", birthDate,
          "referenceDate", referenceDate, "band", band, "majority", majorityColumn).entrySet()) {
        Objects.requireNonNull(c.getValue(), c.getKey()).ifPresent(x -> name(x, c.getKey()));
      }
      majorityValues = Map.copyOf(majorityValues);
      Objects.requireNonNull(onUnmapped, "onUnmapped");
      maximum(maximum);
      for (String v : new TreeMap<>(majorityValues).values()) {
        adultOrMinor(v);
      }
      String clash = foldedClash(majorityValues);
      if (clash != null) {
        throw new IllegalArgumentException("majorityValues" + clash.substring("map".length()));
      }
      String conflict = conflict(exact, birthDate, referenceDate, band, majorityColumn, exactMayBeBirthDate,
          majorityValues);
      if (conflict != null) {
        throw new IllegalArgumentException(conflict);
      }
    }

    private static int maximum(int maximum) {
      if (maximum < 1) {
        throw new IllegalArgumentException("maximum: the largest possible age must be at least 1, was " + maximum);
      }
      return maximum;
    }

    private static String adultOrMinor(String to) {
      if (!to.equals("Adult") && !to.equals("Minor")) {
        throw new IllegalArgumentException("majorityValues: maps onto Adult or Minor only");
      }
      return to;
    }

    /** The settings that do not go together, or null. */
    private static @Nullable String conflict(
        Optional<String> exact, Optional<String> birthDate, Optional<String> referenceDate,
        Optional<String> band, Optional<String> majorityColumn, boolean exactMayBeBirthDate,
        Map<String, String> majorityValues) {
      if (exact.isEmpty() && birthDate.isEmpty() && band.isEmpty()) {
        return "needs at least one of exact, birthDate (with referenceDate) or band";
      }
      if (birthDate.isPresent() && referenceDate.isEmpty()) {
        return "birthDate and referenceDate go together";
      }
      if (referenceDate.isPresent() && birthDate.isEmpty() && !exactMayBeBirthDate) {
        return "birthDate and referenceDate go together";
      }
      if (exactMayBeBirthDate && (exact.isEmpty() || referenceDate.isEmpty())) {
        return "exactMayBeBirthDate needs exact and referenceDate";
      }
      if (!majorityValues.isEmpty() && majorityColumn.isEmpty()) {
        return "majorityValues needs majority, the column it reads";
      }
      return null;
    }

    /**
     * Builds an {@link Age} rule; made by {@link TargetRule#age(String)}. Every setter returns this builder.
     * Not thread-safe.
     */
    public static final class Builder implements RuleBuilder<Age> {
      private final String target;
      private final Map<String, String> columns = new HashMap<>();
      private int maximum = -1;
      private @Nullable Boolean exactMayBeBirthDate;
      private final Map<String, String> majorityValues = new LinkedHashMap<>();
      private @Nullable OnUnmapped onUnmapped;

      private Builder(String target) {
        this.target = name(target, "target");
      }

      private Builder column(String setting, String column) {
        if (columns.containsKey(setting)) {
          throw new IllegalStateException(setting + " is already set");
        }
        columns.put(setting, name(column, setting));
        return this;
      }

      /**
       * @param column the column of the exact age in years (YAML {@code exact})
       * @return this builder
       * @throws IllegalArgumentException if blank
       * @throws IllegalStateException if already set
       */
      public Builder exact(String column) {
        return column("exact", column);
      }

      /**
       * @param column the column of the birth date (YAML {@code birthDate}); needs {@link #referenceDate}
       * @return this builder
       * @throws IllegalArgumentException if blank
       * @throws IllegalStateException if already set
       */
      public Builder birthDate(String column) {
        return column("birthDate", column);
      }

      /**
       * @param column the column of the date the age is computed on (YAML {@code referenceDate})
       * @return this builder
       * @throws IllegalArgumentException if blank
       * @throws IllegalStateException if already set
       */
      public Builder referenceDate(String column) {
        return column("referenceDate", column);
      }

      /**
       * @param column the column of a source age band (YAML {@code band})
       * @return this builder
       * @throws IllegalArgumentException if blank
       * @throws IllegalStateException if already set
       */
      public Builder band(String column) {
        return column("band", column);
      }

      /**
       * @param column a column of a given majority status (YAML {@code majority}), checked against the age
       * @return this builder
       * @throws IllegalArgumentException if blank
       * @throws IllegalStateException if already set
       */
      public Builder majority(String column) {
        return column("majority", column);
      }

      /**
       * @param years the largest possible age (YAML {@code maximum}; default {@value Age#DEFAULT_MAXIMUM})
       * @return this builder
       * @throws IllegalArgumentException if below 1
       * @throws IllegalStateException if already set
       */
      public Builder maximum(int years) {
        if (maximum >= 0) {
          throw new IllegalStateException("maximum is already set");
        }
        this.maximum = Age.maximum(years);
        return this;
      }

      /**
       * @param mayBe whether a date in the exact column is a birth date (YAML {@code exactMayBeBirthDate};
       *     default false); true needs {@link #exact} and {@link #referenceDate}
       * @return this builder
       * @throws IllegalStateException if already set
       */
      public Builder exactMayBeBirthDate(boolean mayBe) {
        once(this.exactMayBeBirthDate, "exactMayBeBirthDate");
        this.exactMayBeBirthDate = mayBe;
        return this;
      }

      /**
       * Says how the majority column writes a status (YAML {@code majorityValues}); keys compared folded.
       *
       * @param sourceValue the value as the partner writes it, such as {@code Y}
       * @param status {@code Adult} or {@code Minor}
       * @return this builder
       * @throws IllegalArgumentException if {@code status} is neither Adult nor Minor
       * @throws IllegalStateException if the key is already given, or folds like a key given another status
       */
      public Builder majorityValue(String sourceValue, String status) {
        Objects.requireNonNull(sourceValue, "majorityValues key");
        adultOrMinor(Objects.requireNonNull(status, "majorityValues value"));
        if (majorityValues.containsKey(sourceValue)) {
          throw new IllegalStateException(
              "majorityValues: the key '" + Shown.name(sourceValue) + "' is already given");
        }
        Map<String, String> next = new LinkedHashMap<>(majorityValues);
        next.put(sourceValue, status);
        String clash = foldedClash(next);
        if (clash != null) {
          throw new IllegalStateException("majorityValues" + clash.substring("map".length()));
        }
        majorityValues.put(sourceValue, status);
        return this;
      }

      /**
       * As {@link #majorityValue(String, String)} for each entry in the map's iteration order.
       *
       * @param values source value to {@code Adult} or {@code Minor}
       * @return this builder
       * @throws IllegalArgumentException as {@link #majorityValue(String, String)}
       * @throws IllegalStateException as {@link #majorityValue(String, String)}
       */
      public Builder majorityValues(Map<String, String> values) {
        values.forEach(this::majorityValue);
        return this;
      }

      /**
       * @param what what to do with an age, date, band or majority value that cannot be read (default
       *     {@link OnUnmapped#REJECT})
       * @return this builder
       * @throws IllegalStateException if already set
       */
      public Builder onUnmapped(OnUnmapped what) {
        once(this.onUnmapped, "onUnmapped");
        this.onUnmapped = Objects.requireNonNull(what, "onUnmapped");
        return this;
      }

      /**
       * @return the rule
       * @throws IllegalStateException if no column to read an age from is set, or settings do not go
       *     together (birthDate without referenceDate, exactMayBeBirthDate without exact and referenceDate,
       *     majorityValues without majority)
       */
      @Override
      public Age build() {
        Optional<String> exact = Optional.ofNullable(columns.get("exact"));
        Optional<String> birth = Optional.ofNullable(columns.get("birthDate"));
        Optional<String> ref = Optional.ofNullable(columns.get("referenceDate"));
        Optional<String> band = Optional.ofNullable(columns.get("band"));
        Optional<String> majority = Optional.ofNullable(columns.get("majority"));
        boolean mayBe = exactMayBeBirthDate != null && exactMayBeBirthDate;
        String conflict = conflict(exact, birth, ref, band, majority, mayBe, majorityValues);
        if (conflict != null) {
          throw new IllegalStateException(conflict);
        }
        return new Age(target, exact, birth, ref, band, majority, maximum < 0 ? DEFAULT_MAXIMUM : maximum,
            mayBe, majorityValues, onUnmapped == null ? OnUnmapped.REJECT : onUnmapped);
      }
    }
  }

  // ------------------------------------------------------------------------------------------------
  // the checks the records and builders share

  /** A name that must not be blank. */
  private static String name(String value, String setting) {
    Objects.requireNonNull(value, setting);
    if (value.isBlank()) {
      throw new IllegalArgumentException(setting + " must not be blank");
    }
    return value;
  }

  /** A non-empty list of names that must not be blank, copied. */
  private static List<String> names(List<String> values, String setting, String empty) {
    List<String> copy = List.copyOf(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(setting + ": " + empty);
    }
    for (int i = 0; i < copy.size(); i++) {
      name(copy.get(i), setting + "[" + i + "]");
    }
    return copy;
  }

  private static String normalizer(String name, String setting) {
    Objects.requireNonNull(name, setting);
    if (!NormalizerRegistry.isKnown(name)) {
      throw new IllegalArgumentException(
          setting + ": unknown normaliser '" + Shown.name(name) + "'; known: " + new TreeSet<>(NormalizerRegistry.NAMES));
    }
    return name;
  }

  /** Two keys that fold alike (case, accents, spaces) but map onto different values: the message, or null. */
  private static @Nullable String foldedClash(Map<String, String> map) {
    Map<String, Map.Entry<String, String>> seen = new HashMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
      Map.Entry<String, String> before = seen.putIfAbsent(NormalizerRegistry.fold(e.getKey()), e);
      if (before != null && !before.getValue().equals(e.getValue())) {
        return "map: the keys '" + Shown.name(before.getKey()) + "' and '" + Shown.name(e.getKey())
            + "' are compared alike (case, accents and spaces ignored) but map onto different codes";
      }
    }
    return null;
  }

  private static void once(@Nullable Object current, String setting) {
    if (current != null) {
      throw new IllegalStateException(setting + " is already set");
    }
  }

  private static String required(@Nullable String value, String setting) {
    if (value == null) {
      throw new IllegalStateException(setting + " is required");
    }
    return value;
  }
}
