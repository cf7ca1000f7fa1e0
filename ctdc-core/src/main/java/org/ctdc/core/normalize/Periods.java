package org.ctdc.core.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates to years, years to period bands.
 *
 * <p>{@link #year(String)} accepts exactly these forms (after trimming), each validated as a calendar
 * date:
 *
 * <ul>
 *   <li>{@code yyyy} — e.g. {@code 2019};
 *   <li>{@code yyyy-MM} — e.g. {@code 2019-03};
 *   <li>{@code yyyy-MM-dd}, optionally followed by a time after {@code T} or a space — e.g.
 *       {@code 2019-03-31}, {@code 2019-03-31T10:15:00};
 *   <li>{@code dd/MM/yyyy} and {@code dd.MM.yyyy} with one- or two-digit day and month — e.g.
 *       {@code 31/03/2019}, {@code 1.3.2019}. The year is the same whether the partner meant day/month or
 *       month/day, so a date valid in either order is accepted ({@code 03/31/2019} gives 2019).
 * </ul>
 *
 * <p>Refused (empty result): two-digit years ({@code 31/03/19}), digits without separators
 * ({@code 20190331}, which cannot be told from a number), spreadsheet serial numbers, month names,
 * impossible dates ({@code 2019-02-30}), and years outside {@value #MIN_YEAR}–{@value #MAX_YEAR}.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class Periods {
  /** Earliest year accepted. */
  public static final int MIN_YEAR = 1900;
  /** Latest year accepted. */
  public static final int MAX_YEAR = 2100;

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4})");
  private static final PeriodBands VICTIM_PERPETRATOR =
      PeriodBands.of(List.of("2005-2013", "2014-2018", "2019", "2020", "2021-2022"));

  private Periods() {}

  /**
   * The year of a date or year in one of the accepted forms (see the class documentation).
   *
   * @param dateOrYear text
   * @return the year, empty if the text is not in an accepted form or is not a valid date
   */
  public static Optional<Integer> year(String dateOrYear) {
    String s = dateOrYear.trim();
    Matcher m;
    int y;
    if ((m = YEAR.matcher(s)).matches()) {
      y = Integer.parseInt(m.group(1));
    } else if ((m = YEAR_MONTH.matcher(s)).matches()) {
      y = Integer.parseInt(m.group(1));
      if (!validMonth(y, Integer.parseInt(m.group(2)))) {
        return Optional.empty();
      }
    } else if ((m = ISO_DATE.matcher(s)).matches()) {
      y = Integer.parseInt(m.group(1));
      if (!validDate(y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))) {
        return Optional.empty();
      }
    } else if ((m = DAY_FIRST.matcher(s)).matches()) {
      y = Integer.parseInt(m.group(4));
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(3));
      if (!validDate(y, b, a) && !validDate(y, a, b)) {
        return Optional.empty();
      }
    } else {
      return Optional.empty();
    }
    return y >= MIN_YEAR && y <= MAX_YEAR ? Optional.of(y) : Optional.empty();
  }

  private static boolean validMonth(int y, int month) {
    try {
      YearMonth.of(y, month);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean validDate(int y, int month, int day) {
    try {
      LocalDate.of(y, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /**
   * The period bands of CTDC's victim-perpetrator release (2022): {@code 2005-2013}, {@code 2014-2018},
   * {@code 2019}, {@code 2020}, {@code 2021-2022}.
   *
   * @return the bands
   */
  public static PeriodBands victimPerpetrator() {
    return VICTIM_PERPETRATOR;
  }
}
