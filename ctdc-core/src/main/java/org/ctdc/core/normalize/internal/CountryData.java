package org.ctdc.core.normalize.internal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.ctdc.core.normalize.Country;
import org.ctdc.core.normalize.MatchKind;
import org.ctdc.schema.CtdcException;

/**
 * The loaded country table: countries by code, which are territories (not independent states), name
 * keys, private and legacy codes, and matching patterns. Immutable after loading; this class is
 * thread-safe.
 */
public final class CountryData {
  /** Resource holding the countries. */
  public static final String COUNTRIES = "/META-INF/ctdc/countries/countries.csv";
  /** Resource holding the aliases (names, private and legacy codes). */
  public static final String ALIASES = "/META-INF/ctdc/countries/aliases.csv";

  /** A private or legacy code. */
  public record CodeAlias(MatchKind kind, String alpha2) {}

  private final List<Country> countries;
  private final Map<String, Country> byAlpha2 = new HashMap<>();
  private final Map<String, Country> byAlpha3 = new HashMap<>();
  private final Map<String, Country> byNumeric = new HashMap<>();
  private final Set<String> territories = new HashSet<>();
  private final Map<String, Pattern> patterns = new LinkedHashMap<>();
  private final Map<String, String> nameKeys = new LinkedHashMap<>();
  private final Map<String, String> wordKeys = new LinkedHashMap<>();
  private final Map<String, String> fuzzyNameKeys = new LinkedHashMap<>();
  private final Map<String, String> fuzzyWordKeys = new LinkedHashMap<>();
  private final Map<String, CodeAlias> codes = new HashMap<>();

  private CountryData(List<Map<String, String>> countryRows, List<Map<String, String>> aliasRows) {
    List<Country> list = new ArrayList<>();
    int line = 1;
    for (Map<String, String> r : countryRows) {
      line++;
      String where = COUNTRIES + " row " + line;
      Country c;
      try {
        c = new Country(get(r, "alpha2"), get(r, "alpha3"), get(r, "numeric"), get(r, "name"),
            get(r, "un_region"), get(r, "un_sub_region"), get(r, "iom_region"));
      } catch (CtdcException e) {
        throw new CtdcException(where + ": " + e.getMessage(), e);
      }
      if (byAlpha2.put(c.alpha2(), c) != null || byAlpha3.put(c.alpha3(), c) != null
          || (!c.numeric().isEmpty() && byNumeric.put(c.numeric(), c) != null)) {
        throw new CtdcException(where + ": duplicate country code (rule: codes are unique)");
      }
      if ("Y".equals(get(r, "territory"))) {
        territories.add(c.alpha2());
      }
      String p = get(r, "pattern");
      if (!p.isEmpty()) {
        try {
          patterns.put(c.alpha2(), Pattern.compile(p));
        } catch (PatternSyntaxException e) {
          throw new CtdcException(where + ": invalid pattern (rule: Java regular expression)", e);
        }
      }
      list.add(c);
    }
    list.sort(Comparator.comparing(Country::alpha2));
    this.countries = List.copyOf(list);
    line = 1;
    for (Map<String, String> r : aliasRows) {
      line++;
      String where = ALIASES + " row " + line;
      String alias = get(r, "alias");
      String alpha2 = get(r, "alpha2");
      if (!byAlpha2.containsKey(alpha2)) {
        throw new CtdcException(where + ": alias of unknown country " + alpha2);
      }
      MatchKind kind;
      try {
        kind = MatchKind.valueOf(get(r, "kind"));
      } catch (IllegalArgumentException e) {
        throw new CtdcException(where + ": kind must be NAME, LEGACY_CODE or PRIVATE_CODE", e);
      }
      switch (kind) {
        case NAME -> addName(alias, alpha2, !"N".equals(get(r, "fuzzy")), where);
        case LEGACY_CODE, PRIVATE_CODE -> codes.put(Folding.fold(alias), new CodeAlias(kind, alpha2));
        default -> throw new CtdcException(where + ": kind must be NAME, LEGACY_CODE or PRIVATE_CODE");
      }
    }
    // Every country's own name is a name too.
    for (Country c : countries) {
      addName(c.name(), c.alpha2(), true, COUNTRIES + " country " + c.alpha2());
    }
  }

  /**
   * Adds a name under its name key and its word key. A key that already names another country is a
   * collision: an error in the table, never settled by a tie rule.
   */
  private void addName(String name, String alpha2, boolean fuzzy, String where) {
    String key = NameKey.of(name);
    if (key.isEmpty()) {
      throw new CtdcException(where + ": a name needs a letter or digit (rule: a name has a key)");
    }
    String words = NameKey.words(key);
    String before = wordKeys.putIfAbsent(words, alpha2);
    if (before != null && !before.equals(alpha2)) {
      throw new CtdcException(where + ": name key names two countries, " + before + " and " + alpha2
          + " (rule: a name identifies one country)");
    }
    nameKeys.putIfAbsent(key, alpha2);
    if (fuzzy) {
      fuzzyNameKeys.putIfAbsent(key, alpha2);
      fuzzyWordKeys.putIfAbsent(words, alpha2);
    }
  }

  private static String get(Map<String, String> r, String column) {
    String v = r.get(column);
    return v == null ? "" : v.trim();
  }

  /**
   * Loads the table bundled with the library.
   *
   * @return the standard data
   * @throws CtdcException if the bundled resources are missing or malformed
   */
  public static CountryData loadStandard() {
    return new CountryData(read(COUNTRIES), read(ALIASES));
  }

  /**
   * Builds the data from rows as the resources hold them (for tests of the loader's checks).
   *
   * @param countryRows rows of {@code countries.csv}, by column name
   * @param aliasRows rows of {@code aliases.csv}, by column name
   * @return the data
   * @throws CtdcException if a row is malformed or two countries share a name key
   */
  static CountryData of(List<Map<String, String>> countryRows, List<Map<String, String>> aliasRows) {
    return new CountryData(countryRows, aliasRows);
  }

  private static List<Map<String, String>> read(String resource) {
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (InputStream in = CountryData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new CtdcException("missing resource " + resource);
      }
      List<Map<String, String>> rows = new ArrayList<>();
      try (MappingIterator<Map<String, String>> it =
          mapper.readerForMapOf(String.class).with(schema).readValues(in)) {
        while (it.hasNext()) {
          rows.add(it.next());
        }
      }
      return rows;
    } catch (IOException e) {
      throw new CtdcException("cannot read resource " + resource, e);
    }
  }

  /** @return all countries, sorted by alpha-2 */
  public List<Country> countries() {
    return countries;
  }

  /**
   * @param alpha2 an upper-case alpha-2 code
   * @return the country
   */
  public Optional<Country> byAlpha2(String alpha2) {
    return Optional.ofNullable(byAlpha2.get(alpha2));
  }

  /**
   * @param alpha3 an upper-case alpha-3 code
   * @return the country
   */
  public Optional<Country> byAlpha3(String alpha3) {
    return Optional.ofNullable(byAlpha3.get(alpha3));
  }

  /**
   * @param numeric a three-digit code
   * @return the country
   */
  public Optional<Country> byNumeric(String numeric) {
    return Optional.ofNullable(byNumeric.get(numeric));
  }

  /**
   * @param alpha2 a country's alpha-2 code
   * @return whether it is a territory (not an independent state), per OCHA's "Independent" column
   */
  public boolean isTerritory(String alpha2) {
    return territories.contains(alpha2);
  }

  /** @return name key (word order kept) → alpha-2, in resource order */
  public Map<String, String> nameKeys() {
    return nameKeys;
  }

  /** @return word key (sorted distinct words of a name key) → alpha-2, in resource order */
  public Map<String, String> wordKeys() {
    return wordKeys;
  }

  /** @return name key → alpha-2 of the names a misspelling may be matched to (column {@code fuzzy} not N) */
  public Map<String, String> fuzzyNameKeys() {
    return fuzzyNameKeys;
  }

  /** @return word key → alpha-2 of the names a misspelling may be matched to */
  public Map<String, String> fuzzyWordKeys() {
    return fuzzyWordKeys;
  }

  /** @return folded private/legacy code → alias */
  public Map<String, CodeAlias> codes() {
    return codes;
  }

  /** @return alpha-2 → OCHA matching pattern (applied to lower-case name keys) */
  public Map<String, Pattern> patterns() {
    return patterns;
  }
}
