package org.ctdc.core.normalize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctdc.schema.CtdcException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the loader rejects a table in which two countries share a name, including two names with
 * the same words in another order or spelling of their qualifiers: a collision is an error in the table,
 * not a tie to settle.
 */
class Issue15CountryDataCollisionTest {

  private static Map<String, String> country(String a2, String a3, String name) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("alpha2", a2);
    r.put("alpha3", a3);
    r.put("numeric", "");
    r.put("name", name);
    return r;
  }

  private static Map<String, String> alias(String alias, String a2) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("alias", alias);
    r.put("alpha2", a2);
    r.put("kind", "NAME");
    return r;
  }

  private static final List<Map<String, String>> TWO_CONGOS = List.of(
      country("CD", "COD", "Democratic Republic of the Congo"), country("CG", "COG", "Congo"));

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "Congo, Dem. Rep.", "Dem. Rep. Congo", "Congo DR", "DR Congo", "The Democratic Republic of Congo", "D.R. Congo"
  })
  void issue15_aNameOfOneCountryGivenToAnotherIsRejectedWithItsRowAndRule(String name) {
    // against the other country's alias: the second alias row is named
    CtdcException e = assertThrows(CtdcException.class,
        () -> CountryData.of(TWO_CONGOS, List.of(alias("Democratic Republic of the Congo", "CD"), alias(name, "CG"))));
    assertEquals(CountryData.ALIASES + " row 3: name key names two countries, CD and CG"
        + " (rule: a name identifies one country)", e.getMessage());
    assertFalse(e.getMessage().contains(name), "the message names codes, never the name");
    // against the other country's own name in countries.csv
    CtdcException own = assertThrows(CtdcException.class, () -> CountryData.of(TWO_CONGOS, List.of(alias(name, "CG"))));
    assertEquals(CountryData.COUNTRIES + " country CD: name key names two countries, CG and CD"
        + " (rule: a name identifies one country)", own.getMessage());
  }

  @Test
  void issue15_qualifiedNamesOfTwoCountriesLoadSideBySide() {
    CountryData d = CountryData.of(TWO_CONGOS, List.of(alias("Congo, Dem. Rep.", "CD"), alias("Congo, Rep.", "CG"),
        alias("Congo DR", "CD"), alias("Republic of the Congo", "CG")));
    assertEquals("CD", d.wordKeys().get(NameKey.words(NameKey.of("DR Congo"))));
    assertEquals("CG", d.wordKeys().get(NameKey.words(NameKey.of("Congo"))));
    assertEquals("CG", d.wordKeys().get(NameKey.words(NameKey.of("Congo (Republic of)"))));
  }

  @Test
  void issue15_theBundledTableHasNoCollision() {
    CountryData d = CountryData.loadStandard();
    assertTrue(d.wordKeys().size() > 800, "distinct names: " + d.wordKeys().size());
  }
}
