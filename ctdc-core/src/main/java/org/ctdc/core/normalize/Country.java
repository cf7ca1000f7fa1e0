package org.ctdc.core.normalize;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the country table: codes, English name and regions. A component the table does not know is
 * the empty string (for example the numeric code of Kosovo, the regions of Antarctica, the IOM office of
 * territories CTDC's table does not list); it is never null.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param alpha2 ISO 3166-1 alpha-2 code (or {@code XK} for Kosovo, {@code AN} for the former Netherlands Antilles)
 * @param alpha3 ISO 3166-1 alpha-3 code (or {@code XKX}, {@code ANT})
 * @param numeric ISO 3166-1 / M49 numeric code, three digits, or empty
 * @param name English name
 * @param unRegion UN M49 region, or empty
 * @param unSubRegion UN M49 sub-region as CTDC uses it, or empty
 * @param iomRegion IOM regional office, or empty
 */
public record Country(
    String alpha2,
    String alpha3,
    String numeric,
    String name,
    String unRegion,
    String unSubRegion,
    String iomRegion) {
  private static final Pattern ALPHA2 = Pattern.compile("[A-Z]{2}");
  private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");
  private static final Pattern NUMERIC = Pattern.compile("(\\d{3})?");

  /**
   * Validates the codes.
   *
   * @throws InvalidValueException if a code is malformed or the name is blank
   */
  public Country {
    Objects.requireNonNull(alpha2, "alpha2");
    Objects.requireNonNull(alpha3, "alpha3");
    Objects.requireNonNull(numeric, "numeric");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unRegion, "unRegion");
    Objects.requireNonNull(unSubRegion, "unSubRegion");
    Objects.requireNonNull(iomRegion, "iomRegion");
    if (!ALPHA2.matcher(alpha2).matches()) {
      throw new InvalidValueException("Country: alpha2 must be two upper-case letters");
    }
    if (!ALPHA3.matcher(alpha3).matches()) {
      throw new InvalidValueException("Country " + alpha2 + ": alpha3 must be three upper-case letters");
    }
    if (!NUMERIC.matcher(numeric).matches()) {
      throw new InvalidValueException("Country " + alpha2 + ": numeric must be three digits or empty");
    }
    if (name.isBlank()) {
      throw new InvalidValueException("Country " + alpha2 + ": name must not be blank");
    }
  }

  /**
   * This country written in a target form.
   *
   * @param form the form
   * @return the code, name or region; empty if the table does not know it (e.g. the region of Antarctica)
   */
  public String in(CountryForm form) {
    return switch (form) {
      case ALPHA2 -> alpha2;
      case ALPHA3 -> alpha3;
      case NUMERIC -> numeric;
      case NAME -> name;
      case UN_REGION -> unRegion;
      case UN_SUB_REGION -> unSubRegion;
      case IOM_REGION -> iomRegion;
    };
  }
}
