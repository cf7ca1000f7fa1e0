package org.ctdc.core.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctdc.core.RejectReason;
import org.ctdc.schema.Code;
import org.ctdc.schema.Schemas;
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
    return switch (name) {
      case "fold" -> in -> Outcome.value(fold(in));
      case "band" -> in -> Outcome.value(band(in));
      case "year" -> in -> year(in).map(y -> Outcome.value(Integer.toString(y)))
          .orElse(Outcome.invalid(RejectReason.NOT_A_NUMBER));
      case "periodBand" -> in -> {
        Optional<Integer> y = year(in);
        if (y.isEmpty()) {
          return Outcome.invalid(RejectReason.NOT_A_NUMBER);
        }
        return victimPerpetratorPeriod(y.get()).map(Outcome::value)
            .orElse(Outcome.invalid(RejectReason.OUT_OF_RANGE));
      };
      case "ageBroad", "rangeOne", "majority" -> in -> {
        OptionalInt age = parseInt(in);
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

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * Folds text for comparison: trim, collapse whitespace, case-fold, strip diacritics, straighten curly
   * quotes and dashes.
   *
   * @param s the text
   * @return the folded text
   */
  public static String fold(String s) {
    String t = Normalizer.normalize(s, Normalizer.Form.NFKD);
    t = MARKS.matcher(t).replaceAll("");
    t = t.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"')
        .replace('\u2013', '-').replace('\u2014', '-').replace('\u2012', '-').replace('\u2015', '-');
    t = SPACES.matcher(t.strip()).replaceAll(" ");
    return t.toLowerCase(Locale.ROOT);
  }

  private static final Pattern BAND = Pattern.compile("0*(\\d+)\\s*(?:--|-|\u2013|\u2014|to)\\s*0*(\\d+)");

  /**
   * Folds an age band: dashes to {@code --}, leading zeros dropped ({@code 09--17} is {@code 9--17}).
   *
   * @param s the band
   * @return the band in CTDC's spelling
   */
  public static String band(String s) {
    String t = s.strip();
    Matcher m = BAND.matcher(t);
    if (m.matches()) {
      return Integer.parseInt(m.group(1)) + "--" + Integer.parseInt(m.group(2));
    }
    return t;
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

  private static final Pattern YEAR_IN = Pattern.compile("^(\\d{4})(?:[-/.]\\d{1,2}(?:[-/.]\\d{1,2})?)?$");
  private static final Pattern YEAR_LAST = Pattern.compile("^\\d{1,2}[-/.]\\d{1,2}[-/.](\\d{4})$");

  /**
   * The year of a year or date ({@code 2019}, {@code 2019-03-14}, {@code 14/03/2019}).
   *
   * @param s the text
   * @return the year, or empty
   */
  public static Optional<Integer> year(String s) {
    String t = s.strip();
    Matcher m = YEAR_IN.matcher(t);
    if (m.matches()) {
      return Optional.of(Integer.parseInt(m.group(1)));
    }
    m = YEAR_LAST.matcher(t);
    if (m.matches()) {
      return Optional.of(Integer.parseInt(m.group(1)));
    }
    return Optional.empty();
  }

  /**
   * Parses an ISO date.
   *
   * @param s the text
   * @return the date, or empty
   */
  public static Optional<LocalDate> date(String s) {
    try {
      return Optional.of(LocalDate.parse(s.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Age in whole years on a reference date.
   *
   * @param birth the birth date
   * @param ref the reference date
   * @return the age, or empty when the birth date is after the reference date
   */
  public static OptionalInt ageOn(LocalDate birth, LocalDate ref) {
    if (birth.isAfter(ref)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Period.between(birth, ref).getYears());
  }

  private static Optional<String> victimPerpetratorPeriod(int y) {
    if (y >= 2005 && y <= 2013) {
      return Optional.of("2005-2013");
    } else if (y >= 2014 && y <= 2018) {
      return Optional.of("2014-2018");
    } else if (y == 2019 || y == 2020) {
      return Optional.of(Integer.toString(y));
    } else if (y == 2021 || y == 2022) {
      return Optional.of("2021-2022");
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- ages

  private static final int[] BROAD_LOW = {0, 9, 18, 21, 24, 27, 30, 39, 48};
  private static final String[] BROAD = {
    "0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+"
  };
  private static final int[] RANGE1_LOW = {0, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 48, 57, 66};
  private static final String[] RANGE1 = {
    "0--8", "9--11", "12--14", "15--17", "18--20", "21--23", "24--26", "27--29", "30--32", "33--35",
    "36--38", "39--47", "48--56", "57--65", "66+"
  };

  private static String bandOf(int age, int[] lows, String[] names) {
    int i = lows.length - 1;
    while (lows[i] > age) {
      i--;
    }
    return names[i];
  }

  /** @param age an age in years @return its {@code ageBroad} band */
  public static String ageBroad(int age) {
    return bandOf(age, BROAD_LOW, BROAD);
  }

  /** @param age an age in years @return its "Age range 1" band */
  public static String rangeOne(int age) {
    return bandOf(age, RANGE1_LOW, RANGE1);
  }

  /** @param age an age in years @return {@code Adult} from 18, else {@code Minor} */
  public static String majority(int age) {
    return age >= 18 ? "Adult" : "Minor";
  }

  private static final Pattern BAND_LOW = Pattern.compile("^0*(\\d+)\\s*(?:--|\\+)");

  /** @param band a band such as {@code 9--11} or {@code 66+} @return its lower bound, or empty */
  public static OptionalInt lowOf(String band) {
    Matcher m = BAND_LOW.matcher(band(band));
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /** @param band a finer band @return the {@code ageBroad} band holding it, or empty */
  public static Optional<String> ageBroadOfBand(String band) {
    String b = band(band);
    for (int i = 0; i < RANGE1.length; i++) {
      if (RANGE1[i].equals(b)) {
        return Optional.of(ageBroad(RANGE1_LOW[i]));
      }
    }
    for (String s : BROAD) {
      if (s.equals(b)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** @param band an age band @return {@code Adult} or {@code Minor}, or empty if not a band */
  public static Optional<String> majorityOfBand(String band) {
    OptionalInt low = lowOf(band);
    return low.isPresent() ? Optional.of(majority(low.getAsInt())) : Optional.empty();
  }

  // ---------------------------------------------------------------- countries (interim table)

  private static final Set<String> UNKNOWN_COUNTRY = Set.of("00", "zz", "0", "-99", "unknown");
  private static final Pattern ALPHA3 = Pattern.compile("Alpha-3 ([A-Z]{3})");
  private static final Pattern REGION = Pattern.compile("country table\\): ([^/]+) / ([^.]+)\\.");

  private record Entry(String alpha2, String alpha3, String unRegion, String unSubRegion) {}

  private static final class Table {
    static final Map<String, Entry> BY_KEY = new HashMap<>();

    static {
      ValueSet vs = Schemas.load("ctdc-global-kanon", "2020").sharedValueSets().get("iso3166-alpha2");
      for (Code c : vs.codes()) {
        Matcher a3 = ALPHA3.matcher(c.definition());
        Matcher reg = REGION.matcher(c.definition());
        boolean hasRegion = reg.find();
        Entry e =
            new Entry(
                c.code(),
                a3.find() ? a3.group(1) : "",
                hasRegion ? reg.group(1).strip() : "",
                hasRegion ? reg.group(2).strip() : "");
        BY_KEY.putIfAbsent(fold(c.code()), e);
        if (!e.alpha3().isEmpty()) {
          BY_KEY.putIfAbsent(fold(e.alpha3()), e);
        }
        BY_KEY.putIfAbsent(fold(c.label()), e);
      }
    }
  }

  private static Outcome country(String in, String form) {
    String key = fold(in);
    if (UNKNOWN_COUNTRY.contains(key)) {
      return Outcome.MISSING;
    }
    Entry e = Table.BY_KEY.get(key);
    if (e == null) {
      return Outcome.unmapped(new ArrayList<>());
    }
    String out =
        switch (form) {
          case "alpha3" -> e.alpha3();
          case "unRegion" -> e.unRegion();
          case "unSubRegion" -> e.unSubRegion();
          default -> e.alpha2();
        };
    return out.isEmpty() ? Outcome.unmapped(List.of()) : Outcome.value(out);
  }
}
