package org.ctdc.core.normalize;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ages: exact ages, birth dates and source bands to CTDC's age bands and majority status.
 *
 * <ul>
 *   <li>"Age range 1" ({@link #rangeOne}): {@code 0--8, 9--11, 12--14, 15--17, 18--20, 21--23, 24--26,
 *       27--29, 30--32, 33--35, 36--38, 39--47, 48--56, 57--65, 66+}. Example: 17 → {@code 15--17}.
 *   <li>{@code ageBroad} ({@link #ageBroad}): {@code 0--8, 9--17, 18--20, 21--23, 24--26, 27--29,
 *       30--38, 39--47, 48+}. Example: 17 → {@code 9--17}.
 *   <li>majority status ({@link #majority}): {@code Adult} from 18, else {@code Minor}.
 * </ul>
 *
 * <p>Bands given as text are read with {@link TextFold#band}, so {@code "09-17"}, {@code "9 – 17"} and
 * {@code "9--17"} are the same band; a band is {@code lo--hi}, {@code lo+} (open above) or a single age.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class Ages {
  /** Largest age {@link #ageOn} accepts. */
  public static final int MAX_AGE = 120;

  private static final int[] RANGE_ONE_LOWER = {0, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 48, 57, 66};
  private static final int[] BROAD_LOWER = {0, 9, 18, 21, 24, 27, 30, 39, 48};
  private static final Pattern BAND = Pattern.compile("(\\d{1,3})(?:--(\\d{1,3})|(\\+))?");

  private Ages() {}

  /**
   * CTDC's "Age range 1" band of an age.
   *
   * @param age age in completed years
   * @return the band label, e.g. {@code "15--17"} or {@code "66+"}
   * @throws InvalidValueException if the age is negative
   */
  public static String rangeOne(int age) {
    return bandOf(age, RANGE_ONE_LOWER, "Ages.rangeOne");
  }

  /**
   * CTDC's {@code ageBroad} band of an age.
   *
   * @param age age in completed years
   * @return the band label, e.g. {@code "9--17"} or {@code "48+"}
   * @throws InvalidValueException if the age is negative
   */
  public static String ageBroad(int age) {
    return bandOf(age, BROAD_LOWER, "Ages.ageBroad");
  }

  /**
   * Majority status of an age.
   *
   * @param age age in completed years
   * @return {@code "Adult"} for 18 and over, else {@code "Minor"}
   * @throws InvalidValueException if the age is negative
   */
  public static String majority(int age) {
    if (age < 0) {
      throw new InvalidValueException("Ages.majority: age must not be negative");
    }
    return age >= 18 ? "Adult" : "Minor";
  }

  /**
   * Age in completed years on a reference date. Someone born on 29 February turns one year older on
   * 1 March in common years ({@link Period#between}).
   *
   * @param birth date of birth
   * @param reference date the age is wanted for (e.g. registration)
   * @return the age; empty if birth is after the reference date or the age exceeds {@value #MAX_AGE}
   */
  public static OptionalInt ageOn(LocalDate birth, LocalDate reference) {
    if (birth.isAfter(reference)) {
      return OptionalInt.empty();
    }
    int years = Period.between(birth, reference).getYears();
    return years > MAX_AGE ? OptionalInt.empty() : OptionalInt.of(years);
  }

  /**
   * The {@code ageBroad} band containing a whole band (a range-1 band or a partner's band).
   * Examples: {@code "12--14"} → {@code 9--17}; {@code "66+"} → {@code 48+}; {@code "15-19"} → empty
   * (it straddles {@code 9--17} and {@code 18--20}).
   *
   * @param band a band such as {@code "12--14"}, {@code "48 +"}, {@code "09-17"} or {@code "30"}
   * @return the containing ageBroad band; empty if the band straddles two
   * @throws InvalidValueException if the text is not a band
   */
  public static Optional<String> ageBroadOfBand(String band) {
    int[] b = parseBand(band, "Ages.ageBroadOfBand");
    int i = index(b[0], BROAD_LOWER);
    int upperOfBand = i + 1 < BROAD_LOWER.length ? BROAD_LOWER[i + 1] - 1 : Integer.MAX_VALUE;
    return b[1] <= upperOfBand ? Optional.of(label(i, BROAD_LOWER)) : Optional.empty();
  }

  /**
   * Majority status of a whole band. Examples: {@code "15--17"} → {@code Minor}; {@code "18--20"} →
   * {@code Adult}; {@code "15-19"} → empty.
   *
   * @param band a band
   * @return {@code Adult} or {@code Minor}; empty if the band straddles 18
   * @throws InvalidValueException if the text is not a band
   */
  public static Optional<String> majorityOfBand(String band) {
    int[] b = parseBand(band, "Ages.majorityOfBand");
    if (b[0] >= 18) {
      return Optional.of("Adult");
    }
    return b[1] <= 17 ? Optional.of("Minor") : Optional.empty();
  }

  /**
   * Whether a band contradicts a stated majority status (e.g. band {@code 9--17} with {@code Adult}).
   * A band that straddles 18 contradicts neither status.
   *
   * @param band a band
   * @param majority {@code Adult} or {@code Minor} (case and spacing ignored)
   * @return true if the band's majority is known and differs
   * @throws InvalidValueException if the band is not a band or the majority is neither status
   */
  public static boolean contradicts(String band, String majority) {
    String m = TextFold.fold(majority);
    if (!m.equals("ADULT") && !m.equals("MINOR")) {
      throw new InvalidValueException("Ages.contradicts: majority must be Adult or Minor");
    }
    return majorityOfBand(band).map(x -> !TextFold.fold(x).equals(m)).orElse(false);
  }

  /**
   * The bounds of a band.
   *
   * @param band text of a band
   * @param rule the caller, for the message
   * @return {lower, upper}, upper {@link Integer#MAX_VALUE} for an open band
   */
  static int[] parseBand(String band, String rule) {
    Matcher m = BAND.matcher(TextFold.band(band));
    if (!m.matches()) {
      throw new InvalidValueException(rule + ": not an age band (rule: lo--hi, lo+ or a single age)");
    }
    int lo = Integer.parseInt(m.group(1));
    int hi = m.group(2) != null ? Integer.parseInt(m.group(2)) : m.group(3) != null ? Integer.MAX_VALUE : lo;
    if (hi < lo) {
      throw new InvalidValueException(rule + ": band upper bound below lower bound");
    }
    return new int[] {lo, hi};
  }

  private static String bandOf(int age, int[] lower, String rule) {
    if (age < 0) {
      throw new InvalidValueException(rule + ": age must not be negative");
    }
    return label(index(age, lower), lower);
  }

  private static int index(int age, int[] lower) {
    int i = lower.length - 1;
    while (lower[i] > age) {
      i--;
    }
    return i;
  }

  private static String label(int i, int[] lower) {
    return i + 1 < lower.length ? lower[i] + "--" + (lower[i + 1] - 1) : lower[i] + "+";
  }

  /**
   * The "Age range 1" band labels, in order.
   *
   * @return the labels
   */
  public static List<String> rangeOneBands() {
    return labels(RANGE_ONE_LOWER);
  }

  /**
   * The {@code ageBroad} band labels, in order.
   *
   * @return the labels
   */
  public static List<String> ageBroadBands() {
    return labels(BROAD_LOWER);
  }

  private static List<String> labels(int[] lower) {
    String[] out = new String[lower.length];
    for (int i = 0; i < lower.length; i++) {
      out[i] = label(i, lower);
    }
    return List.of(out);
  }

  /**
   * The words a partner writes around an exact age, declared in its alignment spec: unit words after the
   * number ({@code yrs}, {@code years old}, {@code y/o}) and approximation marks before or after it
   * ({@code approx.}, {@code about}, {@code ~}, {@code ?}). Words are compared folded ({@link TextFold#fold}:
   * case and accents ignored), so {@code AÑOS} matches {@code años}.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param units words after the number, such as {@code yrs}, {@code years}, {@code years old}
   * @param approximate marks of an approximate age, before or after the number, such as {@code approx.},
   *     {@code about}, {@code ~}, {@code ?}; an approximate age reads as its number
   */
  public record AgeWords(List<String> units, List<String> approximate) {
    /** No words: only a plain whole number is an age (the default). */
    public static final AgeWords NONE = new AgeWords(List.of(), List.of());

    /**
     * Validates and copies; the words are kept folded, longest first.
     *
     * @throws InvalidValueException if a word is blank or holds a digit
     */
    public AgeWords {
      units = folded(units, "unit");
      approximate = folded(approximate, "approximate");
    }

    private static List<String> folded(List<String> words, String what) {
      java.util.List<String> out = new java.util.ArrayList<>();
      for (String w : words) {
        String f = TextFold.fold(w);
        if (f.isEmpty() || f.chars().anyMatch(Character::isDigit)) {
          throw new InvalidValueException("Ages.AgeWords: an " + what + " word must not be blank or hold a digit");
        }
        if (!out.contains(f)) {
          out.add(f);
        }
      }
      out.sort(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
      return List.copyOf(out);
    }

    /** @return whether no word is declared */
    public boolean isEmpty() {
      return units.isEmpty() && approximate.isEmpty();
    }
  }

  /**
   * Reads an exact age written with declared words: an optional approximation mark, a whole number of at
   * most three digits, an optional unit word, an optional approximation mark, with or without spaces
   * between them ({@code 17 yrs}, {@code 17yrs}, {@code 17 years old}, {@code approx. 30}, {@code ~30},
   * {@code 30?}, {@code about 30 years}). Anything else is not an age: a range ({@code 17-18}), a word
   * ({@code teen}), a decimal ({@code 17.5}), a negative number, or a word the partner did not declare.
   * Never a guess.
   *
   * @param text the text
   * @param words the declared words
   * @return the age, or empty
   */
  public static OptionalInt parseAge(String text, AgeWords words) {
    String s = words.isEmpty() ? text.strip() : TextFold.fold(text);
    if (!words.isEmpty()) {
      s = stripPrefix(s, words.approximate());
      s = stripSuffix(s, words.approximate());
      s = stripSuffix(s, words.units());
    }
    // at most three digits: an age, never a year or a date written without separators
    return s.length() > 3 ? OptionalInt.empty() : org.ctdc.core.internal.NormalizerRegistry.parseInt(s);
  }

  private static String stripPrefix(String s, List<String> words) {
    for (String w : words) {
      if (s.startsWith(w) && s.length() > w.length()
          && !(Character.isLetter(w.charAt(w.length() - 1)) && Character.isLetter(s.charAt(w.length())))) {
        return s.substring(w.length()).strip();
      }
    }
    return s;
  }

  private static String stripSuffix(String s, List<String> words) {
    for (String w : words) {
      int at = s.length() - w.length();
      if (at > 0 && s.endsWith(w)
          && !(Character.isLetter(w.charAt(0)) && Character.isLetter(s.charAt(at - 1)))) {
        return s.substring(0, at).strip();
      }
    }
    return s;
  }
}
