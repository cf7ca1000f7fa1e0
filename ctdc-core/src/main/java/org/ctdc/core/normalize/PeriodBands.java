package org.ctdc.core.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ordered list of year bands such as the victim-perpetrator release's {@code 2005-2013},
 * {@code 2014-2018}, {@code 2019}, {@code 2020}, {@code 2021-2022}. A band is a year ({@code 2019}) or
 * an inclusive range ({@code 2005-2013}; {@code --}, en and em dashes are accepted too and the label is
 * kept as given). Bands must be in ascending order and must not overlap; gaps are allowed, and a year in
 * a gap or outside all bands has no band.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PeriodBands {
  private static final Pattern BAND = Pattern.compile("(\\d{4})(?:\\s*(?:--?|\u2013|\u2014)\\s*(\\d{4}))?");

  private final List<String> bands;
  private final int[] lower;
  private final int[] upper;

  private PeriodBands(List<String> bands, int[] lower, int[] upper) {
    this.bands = bands;
    this.lower = lower;
    this.upper = upper;
  }

  /**
   * Creates bands from their labels.
   *
   * @param bands labels, ascending, not overlapping, at least one
   * @return the bands
   * @throws InvalidValueException if a label is not a year or year range, or the bands are empty,
   *     unordered or overlapping
   */
  public static PeriodBands of(List<String> bands) {
    List<String> labels = List.copyOf(bands);
    if (labels.isEmpty()) {
      throw new InvalidValueException("PeriodBands.of: at least one band is required");
    }
    int[] lo = new int[labels.size()];
    int[] hi = new int[labels.size()];
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      Matcher m = BAND.matcher(labels.get(i).trim());
      if (!m.matches()) {
        throw new InvalidValueException("PeriodBands.of: band " + (i + 1) + " is not yyyy or yyyy-yyyy");
      }
      lo[i] = Integer.parseInt(m.group(1));
      hi[i] = m.group(2) == null ? lo[i] : Integer.parseInt(m.group(2));
      if (hi[i] < lo[i]) {
        throw new InvalidValueException("PeriodBands.of: band " + (i + 1) + " ends before it starts");
      }
      if (i > 0 && lo[i] <= hi[i - 1]) {
        throw new InvalidValueException(
            "PeriodBands.of: band " + (i + 1) + " overlaps or precedes band " + i + " (rule: ascending, disjoint)");
      }
      seen.add(labels.get(i).trim());
    }
    return new PeriodBands(List.copyOf(seen), lo, hi);
  }

  /**
   * The band containing a year.
   *
   * @param year a year
   * @return the band's label, empty if no band contains the year
   */
  public Optional<String> bandOf(int year) {
    for (int i = 0; i < bands.size(); i++) {
      if (lower[i] <= year && year <= upper[i]) {
        return Optional.of(bands.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The labels, in order.
   *
   * @return an immutable list
   */
  public List<String> bands() {
    return bands;
  }

  @Override
  public String toString() {
    return "PeriodBands" + bands;
  }
}
