package org.ctdc.core.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.ctdc.core.RejectReason;
import org.ctdc.core.normalize.Ages;
import org.ctdc.core.normalize.Country;
import org.ctdc.core.normalize.CountryForm;
import org.ctdc.core.normalize.CountryMatch;
import org.ctdc.core.normalize.CountryResolver;
import org.ctdc.core.normalize.DatePatterns;
import org.ctdc.core.normalize.InvalidValueException;
import org.ctdc.core.normalize.MatchKind;
import org.ctdc.core.normalize.Periods;
import org.ctdc.core.normalize.Suggestion;
import org.ctdc.core.normalize.TextFold;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;

/**
 * The one place where normaliser names used in alignment specs meet their implementations: text folding,
 * countries, years and period bands, ages. Every normaliser is a pure function of its input, so the
 * aligner memoises its results per column. Not API; thread-safe.
 */
public final class NormalizerRegistry {

  /** The normaliser names a spec may use (a {@code country} may carry a form: {@code country:alpha3}). */
  public static final Set<String> NAMES =
      Set.of(
          "fold", "band", "year", "periodBand", "country", "ageBroad", "rangeOne", "majority",
          "ageBroadOfBand", "majorityOfBand");

  private static final Set<String> COUNTRY_FORMS =
      Set.of("alpha2", "alpha3", "unRegion", "unSubRegion", "iomRegion");

  private NormalizerRegistry() {}

  /**
   * The outcome of a normaliser on one value.
   *
   * @param kind what happened
   * @param value the normalised value (for {@code VALUE})
   * @param score the fuzzy-match score, or 1 for an exact match
   * @param reject the reject reason (for {@code INVALID})
   * @param suggestions safe suggestions (codes of a closed set) for an unmapped value
   */
  public record Outcome(
      Kind kind, String value, double score, RejectReason reject, List<String> suggestions) {
    /** The outcome kinds. */
    public enum Kind {
      /** A value. */
      VALUE,
      /** A missing value (an unknown token). */
      MISSING,
      /** Not recognised. */
      UNMAPPED,
      /** Malformed or impossible. */
      INVALID
    }

    static Outcome value(String v) {
      return new Outcome(Kind.VALUE, v, 1.0, RejectReason.UNMAPPED_VALUE, List.of());
    }

    static Outcome fuzzy(String v, double score) {
      return new Outcome(Kind.VALUE, v, score, RejectReason.UNMAPPED_VALUE, List.of());
    }

    static final Outcome MISSING =
        new Outcome(Kind.MISSING, "", 1.0, RejectReason.UNMAPPED_VALUE, List.of());

    static Outcome unmapped(List<String> suggestions) {
      return new Outcome(Kind.UNMAPPED, "", 0.0, RejectReason.UNMAPPED_VALUE, suggestions);
    }

    static Outcome invalid(RejectReason r) {
      return new Outcome(Kind.INVALID, "", 0.0, r, List.of());
    }

    /** @return whether a fuzzy (inexact) match produced the value */
    public boolean isFuzzy() {
      return kind == Kind.VALUE && score < 1.0;
    }
  }

  /** A compiled normaliser. */
  @FunctionalInterface
  public interface Step {
    /**
     * Applies the normaliser.
     *
     * @param in a trimmed, non-missing value
     * @return the outcome
     */
    Outcome apply(String in);
  }

  /**
   * Whether a spec may use a normaliser name.
   *
   * @param name such as {@code country} or {@code country:alpha3}
   * @return whether known
   */
  public static boolean isKnown(String name) {
    int colon = name.indexOf(':');
    if (colon >= 0) {
      return name.substring(0, colon).equals("country") && COUNTRY_FORMS.contains(name.substring(colon + 1));
    }
    return NAMES.contains(name);
  }

  /**
   * Compiles a normaliser for a target variable.
   *
   * @param name a known name
   * @param target the target variable (a country normaliser without form takes the target's form)
   * @return the step
   * @throws IllegalArgumentException for an unknown name
   */
  public static Step compile(String name, Variable target) {
    return compile(name, target, DatePatterns.ISO_ONLY, Ages.AgeWords.NONE);
  }

  /**
   * Compiles a normaliser for a target variable with a partner's declared formats: {@code year} and
   * {@code periodBand} also read the declared date patterns, {@code ageBroad}, {@code rangeOne} and
   * {@code majority} the declared age words.
   *
   * @param name a known name
   * @param target the target variable
   * @param dates the declared date patterns
   * @param words the declared age words
   * @return the step
   * @throws IllegalArgumentException for an unknown name
   */
  public static Step compile(String name, Variable target, DatePatterns dates, Ages.AgeWords words) {
    return switch (name) {
      case "fold" -> in -> Outcome.value(fold(in));
      case "band" -> in -> Outcome.value(band(in));
      case "year" -> in -> dates.year(in).map(y -> Outcome.value(Integer.toString(y)))
          .orElse(Outcome.invalid(RejectReason.NOT_A_NUMBER));
      case "periodBand" -> in -> {
        Optional<Integer> y = dates.year(in);
        if (y.isEmpty()) {
          return Outcome.invalid(RejectReason.NOT_A_NUMBER);
        }
        return victimPerpetratorPeriod(y.get()).map(Outcome::value)
            .orElse(Outcome.invalid(RejectReason.OUT_OF_RANGE));
      };
      case "ageBroad", "rangeOne", "majority" -> in -> {
        OptionalInt age = words.isEmpty() ? parseInt(in) : Ages.parseAge(in, words);
        if (age.isEmpty()) {
          return Outcome.invalid(RejectReason.NOT_A_NUMBER);
        }
        int a = age.getAsInt();
        if (a < 0 || a > 120) {
          return Outcome.invalid(RejectReason.IMPOSSIBLE_AGE);
        }
        return Outcome.value(
            name.equals("ageBroad") ? ageBroad(a) : name.equals("rangeOne") ? rangeOne(a) : majority(a));
      };
      case "ageBroadOfBand" -> in -> ageBroadOfBand(in).map(Outcome::value).orElse(Outcome.unmapped(List.of()));
      case "majorityOfBand" -> in -> majorityOfBand(in).map(Outcome::value).orElse(Outcome.unmapped(List.of()));
      default -> {
        if (name.equals("country") || name.startsWith("country:")) {
          String form = name.equals("country") ? formOf(target) : name.substring("country:".length());
          yield in -> country(in, form);
        }
        throw new IllegalArgumentException("unknown normaliser " + name);
      }
    };
  }

  private static String formOf(Variable target) {
    String vs = target.valueSet().map(ValueSet::name).orElse("");
    if (vs.contains("alpha3")) {
      return "alpha3";
    }
    if (vs.toLowerCase(Locale.ROOT).contains("region")) {
      return "unRegion";
    }
    return "alpha2";
  }

  // ---------------------------------------------------------------- text

  /**
   * Folds text for comparison ({@link TextFold#fold}).
   *
   * @param s the text
   * @return the folded text
   */
  public static String fold(String s) {
    return TextFold.fold(s);
  }

  /**
   * Folds an age band into CTDC's spelling ({@link TextFold#band}).
   *
   * @param s the band
   * @return the band
   */
  public static String band(String s) {
    return TextFold.band(s);
  }

  // ---------------------------------------------------------------- numbers, years, dates

  /**
   * Parses a non-negative decimal integer of at most 9 digits.
   *
   * @param s the text
   * @return the value, or empty
   */
  public static OptionalInt parseInt(String s) {
    int n = s.length();
    if (n == 0 || n > 9) {
      return OptionalInt.empty();
    }
    int v = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return OptionalInt.empty();
      }
      v = v * 10 + (c - '0');
    }
    return OptionalInt.of(v);
  }

  /**
   * The year of a year or date ({@link Periods#year}).
   *
   * @param s the text
   * @return the year, or empty
   */
  public static Optional<Integer> year(String s) {
    return Periods.year(s);
  }

  /**
   * Parses an ISO date ({@code yyyy-MM-dd}).
   *
   * @param s the text
   * @return the date, or empty
   */
  public static Optional<LocalDate> date(String s) {
    String t = s.strip();
    if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
      int y = digits(t, 0, 4);
      int m = digits(t, 5, 7);
      int d = digits(t, 8, 10);
      if (y >= 0 && m >= 0 && d >= 0) {
        // the fast path of yyyy-MM-dd, with the strict validation of ISO_LOCAL_DATE
        if (m < 1 || m > 12 || d < 1 || d > YearMonth.of(y, m).lengthOfMonth()) {
          return Optional.empty();
        }
        return Optional.of(LocalDate.of(y, m, d));
      }
    }
    try {
      return Optional.of(LocalDate.parse(t));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A strict {@code yyyy-MM-dd} date (surrounding white space allowed) packed as
   * {@code yyyy * 10000 + MM * 100 + dd}, without a {@code LocalDate}; -1 for any other text, which
   * {@link #date} then reads. Agrees with {@link #date} wherever it returns a value (property-tested).
   *
   * @param s the text
   * @return the packed date, or -1
   */
  static int packedDate(String s) {
    String t = s.strip();
    if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
      return -1;
    }
    int y = digits(t, 0, 4);
    int m = digits(t, 5, 7);
    int d = digits(t, 8, 10);
    if (y < 0 || m < 1 || m > 12 || d < 1) {
      return -1;
    }
    int length =
        m == 2 ? (java.time.chrono.IsoChronology.INSTANCE.isLeapYear(y) ? 29 : 28)
            : m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
    return d > length ? -1 : y * 10_000 + m * 100 + d;
  }

  /**
   * {@link #ageOn} of two packed dates: whole years from birth to reference, or -1 when the birth is
   * after the reference or the age exceeds {@link Ages#MAX_AGE} (property-tested against it).
   *
   * @param birth the packed birth date
   * @param reference the packed reference date
   * @return the age, or -1
   */
  static int ageOnPacked(int birth, int reference) {
    if (birth > reference) {
      return -1;
    }
    // Period.between's years: one less before the birthday in the reference year
    int years = reference / 10_000 - birth / 10_000 - (reference % 10_000 < birth % 10_000 ? 1 : 0);
    return years > Ages.MAX_AGE ? -1 : years;
  }

  /** The value of ASCII digits {@code s[from, to)}, or -1 when another character is there. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * Age in whole years on a reference date ({@link Ages#ageOn}).
   *
   * @param birth the birth date
   * @param ref the reference date
   * @return the age, or empty when the birth date is after the reference date or the age is impossible
   */
  public static OptionalInt ageOn(LocalDate birth, LocalDate ref) {
    return Ages.ageOn(birth, ref);
  }

  private static Optional<String> victimPerpetratorPeriod(int y) {
    return Periods.victimPerpetrator().bandOf(y);
  }

  // ---------------------------------------------------------------- ages

  /** @param age an age in years @return its {@code ageBroad} band */
  public static String ageBroad(int age) {
    return Ages.ageBroad(age);
  }

  /** @param age an age in years @return its "Age range 1" band */
  public static String rangeOne(int age) {
    return Ages.rangeOne(age);
  }

  /** @param age an age in years @return {@code Adult} from 18, else {@code Minor} */
  public static String majority(int age) {
    return Ages.majority(age);
  }

  /** @param band a band @return the {@code ageBroad} band holding it, or empty (also when not a band) */
  public static Optional<String> ageBroadOfBand(String band) {
    try {
      return Ages.ageBroadOfBand(band);
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  /** @param band an age band @return {@code Adult} or {@code Minor}, or empty (also when not a band) */
  public static Optional<String> majorityOfBand(String band) {
    try {
      return Ages.majorityOfBand(band);
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------- countries

  private static Outcome country(String in, String form) {
    CountryMatch m = CountryResolver.standard().resolve(in);
    if (m.isMissing()) {
      return Outcome.MISSING;
    }
    if (!m.isResolved()) {
      return Outcome.unmapped(m.suggestions().stream().map(Suggestion::alpha3).toList());
    }
    Country c = m.country().orElseThrow();
    String out =
        switch (form) {
          case "alpha3" -> c.in(CountryForm.ALPHA3);
          case "unRegion" -> c.in(CountryForm.UN_REGION);
          case "unSubRegion" -> c.in(CountryForm.UN_SUB_REGION);
          case "iomRegion" -> c.in(CountryForm.IOM_REGION);
          default -> c.in(CountryForm.ALPHA2);
        };
    if (out.isEmpty()) {
      return Outcome.unmapped(List.of());
    }
    return m.kind() == MatchKind.FUZZY ? Outcome.fuzzy(out, m.score()) : Outcome.value(out);
  }
}
