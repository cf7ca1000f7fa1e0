package org.ctdc.core;

import java.util.List;
import org.ctdc.core.normalize.Ages;
import org.ctdc.core.normalize.DatePatterns;

/**
 * How one partner writes dates and ages, declared in the {@code formats} section of its alignment spec
 * ({@code docs/alignment-spec.md}, {@code docs/normalisers.md}). The defaults read what the aligner always
 * read: ISO {@code yyyy-MM-dd} dates and plain whole-number ages.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param dates date patterns read besides ISO {@code yyyy-MM-dd}, such as {@code d/M/yyyy},
 *     {@code MMMM d, yyyy}, {@code d MMM yyyy}, {@code d.M.yyyy} ({@link DatePatterns}); declaring only
 *     day-first patterns is the day-first policy, and a value two declared patterns read as two different
 *     dates is ambiguous, never guessed
 * @param ageUnits words written after an exact age, such as {@code yrs}, {@code years old}, {@code y/o}
 * @param approximate marks of an approximate age before or after the number, such as {@code approx.},
 *     {@code about}, {@code ~}, {@code ?}: the age is read as the number
 */
public record SourceFormats(List<String> dates, List<String> ageUnits, List<String> approximate) {

  /** No declared format: ISO dates and plain whole-number ages only. */
  public static final SourceFormats DEFAULTS = new SourceFormats(List.of(), List.of(), List.of());

  /**
   * Validates and copies.
   *
   * @throws org.ctdc.core.normalize.InvalidValueException if a date pattern or a word is refused
   */
  public SourceFormats {
    dates = List.copyOf(dates);
    ageUnits = List.copyOf(ageUnits);
    approximate = List.copyOf(approximate);
    DatePatterns.of(dates);
    new Ages.AgeWords(ageUnits, approximate);
  }

  /** @return the date reader of {@link #dates()} */
  public DatePatterns datePatterns() {
    return DatePatterns.of(dates);
  }

  /** @return the age words of {@link #ageUnits()} and {@link #approximate()} */
  public Ages.AgeWords ageWords() {
    return new Ages.AgeWords(ageUnits, approximate);
  }

  /**
   * These formats with other date patterns, such as
   * {@code SourceFormats.DEFAULTS.withDates("d/M/yyyy").withAgeUnits("yrs", "years old")}.
   *
   * @param patterns date patterns read besides ISO {@code yyyy-MM-dd}
   * @return new formats
   * @throws org.ctdc.core.normalize.InvalidValueException if a pattern is refused
   */
  public SourceFormats withDates(String... patterns) {
    return new SourceFormats(List.of(patterns), ageUnits, approximate);
  }

  /**
   * @param words words written after an exact age
   * @return these formats with other age words
   * @throws org.ctdc.core.normalize.InvalidValueException if a word is blank or holds a digit
   */
  public SourceFormats withAgeUnits(String... words) {
    return new SourceFormats(dates, List.of(words), approximate);
  }

  /**
   * @param marks marks of an approximate age
   * @return these formats with other marks
   * @throws org.ctdc.core.normalize.InvalidValueException if a mark is blank or holds a digit
   */
  public SourceFormats withApproximate(String... marks) {
    return new SourceFormats(dates, ageUnits, List.of(marks));
  }
}
