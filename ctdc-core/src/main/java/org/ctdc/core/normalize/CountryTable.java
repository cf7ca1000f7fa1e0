package org.ctdc.core.normalize;

import java.util.List;
import java.util.Optional;
import org.ctdc.core.normalize.internal.CountryData;

/**
 * The one country table of the library: ISO 3166-1 codes, M49 numeric codes, English names, UN M49
 * regions and sub-regions as CTDC uses them, and IOM regional offices, together with the names, legacy
 * codes, private codes and matching patterns {@link CountryResolver} uses. Built from CTDC's region
 * lookup (2022) and OCHA's Countries &amp; Territories Taxonomy, with the World Bank's country names and
 * curated endonyms, exonyms and former names; no two countries share a name key (the loader rejects a
 * table where they do); see
 * {@code META-INF/ctdc/countries/SOURCE.md} in this module for sources, licences and rules.
 *
 * <p>It holds 251 rows: every ISO 3166-1 country and territory, Kosovo ({@code XK}/{@code XKX}) and the
 * former Netherlands Antilles ({@code AN}/{@code ANT}), which CTDC still lists.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CountryTable {
  private static final class Holder {
    static final CountryTable STANDARD = new CountryTable(CountryData.loadStandard());
  }

  private final CountryData data;

  private CountryTable(CountryData data) {
    this.data = data;
  }

  /**
   * The table bundled with the library (loaded once).
   *
   * @return the standard table
   */
  public static CountryTable standard() {
    return Holder.STANDARD;
  }

  /**
   * All countries, sorted by alpha-2 code.
   *
   * @return an immutable list
   */
  public List<Country> countries() {
    return data.countries();
  }

  /**
   * The country with an alpha-2 code.
   *
   * @param alpha2 the code, case-insensitive
   * @return the country, empty if unknown
   */
  public Optional<Country> byAlpha2(String alpha2) {
    return data.byAlpha2(alpha2.trim().toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * The country with an alpha-3 code.
   *
   * @param alpha3 the code, case-insensitive
   * @return the country, empty if unknown
   */
  public Optional<Country> byAlpha3(String alpha3) {
    return data.byAlpha3(alpha3.trim().toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * The country with a numeric code.
   *
   * @param numeric the code, with or without leading zeros ({@code "4"} = {@code "004"})
   * @return the country, empty if unknown or not one to three digits
   */
  public Optional<Country> byNumeric(String numeric) {
    String n = numeric.trim();
    if (!n.matches("\\d{1,3}")) {
      return Optional.empty();
    }
    return data.byNumeric("000".substring(n.length()) + n);
  }

  CountryData data() {
    return data;
  }
}
