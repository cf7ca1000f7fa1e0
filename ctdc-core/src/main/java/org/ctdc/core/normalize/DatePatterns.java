package org.ctdc.core.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The date patterns a partner declares, read strictly: ISO {@code yyyy-MM-dd} always, then each declared
 * pattern. A pattern is made of {@code d} or {@code dd} (day), {@code M}, {@code MM}, {@code MMM} or
 * {@code MMMM} (month as a number, an English short name such as {@code Mar}, or a full name such as
 * {@code March}), {@code yyyy} (a four-digit year) and the literal characters {@code / . - , } and space.
 * Month names are read without regard to case; runs of spaces are read as one.
 *
 * <p>There is no guess between day-first and month-first: a value is read with every pattern, and
 * {@link #read} gives {@link Reading.Kind#AMBIGUOUS} when two patterns give two different dates (with both
 * {@code d/M/yyyy} and {@code M/d/yyyy} declared, {@code 03/04/2019}), {@link Reading.Kind#DATE} when they
 * agree or only one applies ({@code 14/03/2019} is 14 March with either or both of those declared, as
 * {@code M/d/yyyy} cannot read it), {@link Reading.Kind#NONE} when none applies. Declaring only
 * {@code d/M/yyyy} is the day-first policy, only {@code M/d/yyyy} the month-first policy.
 *
 * <p>Examples: {@code MMMM d, yyyy} reads {@code March 14, 2019}; {@code d MMM yyyy} reads
 * {@code 14 Mar 2019}; {@code d.M.yyyy} reads {@code 14.03.2019}; {@code d/M/yyyy} reads
 * {@code 14/03/2019} and {@code 1/3/2019}. Impossible dates ({@code 30/02/2019}) and years outside
 * {@value Periods#MIN_YEAR}–{@value Periods#MAX_YEAR} are not read.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DatePatterns {

  /** Only ISO {@code yyyy-MM-dd}: the reading when a spec declares no date patterns. */
  public static final DatePatterns ISO_ONLY = new DatePatterns(List.of());

  private final List<String> patterns;
  private final List<DateTimeFormatter> formatters;

  private DatePatterns(List<String> patterns) {
    this.patterns = List.copyOf(patterns);
    List<DateTimeFormatter> f = new ArrayList<>();
    for (String p : patterns) {
      f.add(compile(p));
    }
    this.formatters = List.copyOf(f);
  }

  /**
   * Declared patterns, in addition to ISO {@code yyyy-MM-dd}.
   *
   * @param patterns the patterns (see the class documentation)
   * @return the reader
   * @throws InvalidValueException if a pattern uses another letter, lacks the day, the month or the
   *     four-digit year, or holds one twice (the message names the pattern's position, not the pattern)
   */
  public static DatePatterns of(List<String> patterns) {
    for (int i = 0; i < patterns.size(); i++) {
      String why = problem(patterns.get(i));
      if (why != null) {
        throw new InvalidValueException("DatePatterns: pattern " + (i + 1) + ": " + why);
      }
    }
    return patterns.isEmpty() ? ISO_ONLY : new DatePatterns(patterns);
  }

  /**
   * Why a pattern is refused.
   *
   * @param pattern a pattern
   * @return the rule it breaks, or null when it is accepted
   */
  public static @Nullable String problem(String pattern) {
    int day = 0;
    int month = 0;
    int year = 0;
    int i = 0;
    int n = pattern.length();
    if (n == 0 || n > 40) {
      return "a pattern has 1 to 40 characters";
    }
    while (i < n) {
      char c = pattern.charAt(i);
      int j = i;
      while (j < n && pattern.charAt(j) == c) {
        j++;
      }
      int run = j - i;
      switch (c) {
        case 'd' -> {
          if (run > 2) {
            return "a day is d or dd";
          }
          day++;
        }
        case 'M' -> {
          if (run > 4) {
            return "a month is M, MM, MMM or MMMM";
          }
          month++;
        }
        case 'y' -> {
          if (run != 4) {
            return "a year is yyyy (two-digit years are never read)";
          }
          year++;
        }
        case '/', '.', '-', ',', ' ' -> { }
        default -> {
          return "only d, M, y and the separators / . - , and space are allowed";
        }
      }
      i = j;
    }
    if (day != 1 || month != 1 || year != 1) {
      return "a pattern holds one day, one month and one year";
    }
    return null;
  }

  private static DateTimeFormatter compile(String pattern) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int j = i;
      while (j < pattern.length() && pattern.charAt(j) == c) {
        j++;
      }
      if (c == 'd' || c == 'M' || c == 'y') {
        // uuuu: the proleptic year, which the strict resolver needs without an era
        b.appendPattern(String.valueOf(c == 'y' ? 'u' : c).repeat(j - i));
      } else {
        b.appendLiteral(pattern.substring(i, j));
      }
      i = j;
    }
    return b.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
  }

  /** @return the declared patterns (ISO not included) */
  public List<String> patterns() {
    return patterns;
  }

  /**
   * What a text reads as.
   *
   * @param kind a date, two different dates, or none
   * @param date the date for {@link Kind#DATE}
   */
  public record Reading(Kind kind, Optional<LocalDate> date) {
    /** The outcomes. */
    public enum Kind {
      /** One date. */
      DATE,
      /** Two patterns give two different dates: never guessed. */
      AMBIGUOUS,
      /** No pattern applies. */
      NONE
    }

    static final Reading NONE_READ = new Reading(Kind.NONE, Optional.empty());
    static final Reading AMBIGUOUS_READ = new Reading(Kind.AMBIGUOUS, Optional.empty());
  }

  /**
   * Reads a date: ISO {@code yyyy-MM-dd} first, then every declared pattern.
   *
   * @param text the text, trimmed here; runs of spaces read as one
   * @return the reading
   */
  public Reading read(String text) {
    String s = text.strip();
    Optional<LocalDate> iso = iso(s);
    if (iso.isPresent()) {
      return new Reading(Reading.Kind.DATE, iso);
    }
    if (formatters.isEmpty()) {
      return Reading.NONE_READ;
    }
    s = s.replaceAll("\\s+", " ");
    TreeSet<LocalDate> found = new TreeSet<>();
    for (DateTimeFormatter f : formatters) {
      try {
        LocalDate d = LocalDate.parse(s, f);
        if (d.getYear() >= Periods.MIN_YEAR && d.getYear() <= Periods.MAX_YEAR) {
          found.add(d);
        }
      } catch (DateTimeException e) {
        // not this pattern
      }
    }
    return found.isEmpty() ? Reading.NONE_READ
        : found.size() > 1 ? Reading.AMBIGUOUS_READ
        : new Reading(Reading.Kind.DATE, Optional.of(found.first()));
  }

  /**
   * The year of a text: {@link Periods#year} first (years, ISO forms, numeric day/month dates), then the
   * declared patterns, where an ambiguous date still has one year.
   *
   * @param text the text
   * @return the year, or empty
   */
  public Optional<Integer> year(String text) {
    Optional<Integer> y = Periods.year(text);
    if (y.isPresent() || formatters.isEmpty()) {
      return y;
    }
    String s = text.strip().replaceAll("\\s+", " ");
    Integer year = null;
    for (DateTimeFormatter f : formatters) {
      try {
        int fy = LocalDate.parse(s, f).getYear();
        if (year != null && year != fy) {
          return Optional.empty();
        }
        year = fy;
      } catch (DateTimeException e) {
        // not this pattern
      }
    }
    return year == null || year < Periods.MIN_YEAR || year > Periods.MAX_YEAR ? Optional.empty() : Optional.of(year);
  }

  private static Optional<LocalDate> iso(String t) {
    if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
      return Optional.empty();
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && (t.charAt(i) < '0' || t.charAt(i) > '9')) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(LocalDate.of(
          Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(5, 7)),
          Integer.parseInt(t.substring(8, 10))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatePatterns d && d.patterns.equals(patterns);
  }

  @Override
  public int hashCode() {
    return patterns.hashCode();
  }

  @Override
  public String toString() {
    return "DatePatterns" + patterns;
  }
}
