package org.ctdc.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryResolverTest {
  private static final CountryResolver STANDARD = CountryResolver.standard();
  private static final CountryResolver XK =
      CountryResolver.builder().privateCodePolicy(PrivateCodePolicy.KOSOVO_AS_XK).build();

  /** CTDC rows without an ISO alpha-3: the country each counts as (documented in docs/normalisers.md). */
  private static final Map<String, String> LEGACY_ROWS =
      Map.of("TP", "TLS", "Y2", "MNE", "Y3", "SRB", "YU", "SRB", "ZR", "COD");

  record Row(int line, String iso2, String iso3, String country, String description) {}

  static List<Row> lookupRows() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = CountryResolverTest.class.getResourceAsStream("ctdc_region_lookup_2022.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      String line;
      int n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        String[] f = line.split("\t", -1);
        rows.add(new Row(n, f[0], f[1], f[2], f[3]));
      }
    }
    return rows;
  }

  /** The alpha-3 a CTDC row stands for under a policy. */
  static String expectedAlpha3(Row row, PrivateCodePolicy policy) {
    if (row.iso2().equals("Y1")) {
      return policy == PrivateCodePolicy.KOSOVO_AS_XK ? "XKX" : "SRB";
    }
    if (LEGACY_ROWS.containsKey(row.iso2())) {
      return LEGACY_ROWS.get(row.iso2());
    }
    if (!row.iso3().isEmpty()) {
      return row.iso3();
    }
    // JE, MF, SX: CTDC leaves ISO3 empty; ISO 3166-1 assigns these.
    return Map.of("JE", "JEY", "MF", "MAF", "SX", "SXM").get(row.iso2());
  }

  static Stream<Arguments> everyNameOfTheLookup() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (Row row : lookupRows()) {
      for (String name : List.of(row.country(), row.description())) {
        // "Virgin Islands" (the description of VI) could be either Virgin Islands: not a name (issue 15)
        if (!name.isBlank() && !name.equals("Virgin Islands")) {
          for (PrivateCodePolicy p : PrivateCodePolicy.values()) {
            out.add(Arguments.of(row.line(), name, expectedAlpha3(row, p), p));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "row {0} name {1} -> {2} ({3})")
  @MethodSource("everyNameOfTheLookup")
  void everyNameOfCtdcsLookupResolvesToItsRowsCountry(int line, String name, String alpha3, PrivateCodePolicy policy) {
    CountryResolver r = policy == PrivateCodePolicy.KOSOVO_AS_XK ? XK : STANDARD;
    CountryMatch m = r.resolve(name);
    assertEquals(MatchKind.NAME, m.kind(), "row " + line);
    Country c = m.country().orElseThrow();
    assertEquals(alpha3, c.alpha3(), "row " + line);
    assertEquals(CountryTable.standard().byAlpha3(alpha3).orElseThrow().alpha2(), c.alpha2(), "row " + line);
  }

  @Test
  void everyCodeOfCtdcsLookupResolvesToItsRowsCountry() throws IOException {
    int checked = 0;
    for (Row row : lookupRows()) {
      String expected = expectedAlpha3(row, PrivateCodePolicy.KOSOVO_AS_SERBIA);
      CountryMatch byIso2 = STANDARD.resolve(row.iso2());
      assertEquals(expected, byIso2.country().orElseThrow().alpha3(), "row " + row.line());
      if (!row.iso3().isEmpty() && !row.iso3().equals("NULL")) {
        assertEquals(expected, STANDARD.resolve(row.iso3()).country().orElseThrow().alpha3(), "row " + row.line());
        assertEquals(expected, STANDARD.resolve(row.iso3().toLowerCase()).country().orElseThrow().alpha3());
      }
      checked++;
    }
    assertEquals(252, checked);
  }

  @Test
  void ctdcsPrivateAndLegacyCodesAreReportedAsSuch() {
    assertEquals(MatchKind.PRIVATE_CODE, STANDARD.resolve("Y1").kind());
    assertEquals("SRB", STANDARD.resolve("Y1").country().orElseThrow().alpha3());
    assertEquals("XKX", XK.resolve("Y1").country().orElseThrow().alpha3());
    assertEquals("XK", XK.resolve("Kosovo").country().orElseThrow().alpha2());
    assertEquals(MatchKind.PRIVATE_CODE, STANDARD.resolve("TB").kind());
    assertEquals("CHN", XK.resolve("TB").country().orElseThrow().alpha3());
    for (String legacy : List.of("YU", "ZR", "AN", "TP")) {
      assertEquals(MatchKind.LEGACY_CODE, STANDARD.resolve(legacy).kind(), legacy);
    }
    assertEquals("COD", STANDARD.resolve("ZR").country().orElseThrow().alpha3());
    assertEquals("TLS", STANDARD.resolve("TP").country().orElseThrow().alpha3());
    assertEquals("ANT", STANDARD.resolve("AN").country().orElseThrow().alpha3());
    assertEquals("SRB", STANDARD.resolve("YU").country().orElseThrow().alpha3());
  }

  @Test
  void currentCodesInEveryFormResolveAsCodes() {
    CountryMatch numeric = STANDARD.resolve("4");
    assertEquals(MatchKind.CODE, numeric.kind());
    assertEquals("AFG", numeric.country().orElseThrow().alpha3());
    assertEquals("MDA", STANDARD.resolve("498").country().orElseThrow().alpha3());
    assertEquals("MDA", STANDARD.resolve(" md ").country().orElseThrow().alpha3());
    assertEquals(MatchKind.CODE, STANDARD.resolve("MDA").kind());
  }

  @Test
  void kyrgzstanIsAReportedFuzzyMatchWithItsScore() {
    CountryMatch m = STANDARD.resolve("Kyrgzstan");
    assertEquals(MatchKind.FUZZY, m.kind());
    assertEquals("KGZ", m.country().orElseThrow().alpha3());
    assertEquals(0.9, m.score(), 1e-9); // one deletion against KYRGYZSTAN (10 letters)
    assertTrue(m.suggestions().isEmpty());
  }

  @Test
  void taiwanProvinceOfThePeoplesRepublicOfChinaIsTaiwan() {
    assertEquals("TWN", STANDARD.resolve("Taiwan Province of the People's Republic of China").country().orElseThrow().alpha3());
    // a word more than a known name is not a misspelling of it: the names inside are suggestions (issue 15)
    CountryMatch m = STANDARD.resolve("Taiwan, a province of the People’s Republic of China");
    assertEquals(MatchKind.UNMATCHED, m.kind());
    assertEquals("TWN", m.suggestions().get(0).alpha3());
    assertEquals("HKG", STANDARD.resolve("Hong Kong (China)").country().orElseThrow().alpha3());
    // names inside a longer value are candidates only (issue 15): Hong Kong first, then China
    CountryMatch inside = STANDARD.resolve("Hong Kong special region of China");
    assertEquals(MatchKind.UNMATCHED, inside.kind());
    assertEquals(List.of("HKG", "CHN"), inside.suggestions().stream().map(Suggestion::alpha3).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mexico / United States", "Georgia, United States"})
  void twoIndependentStatesInOneTokenAreAmbiguousAndNotGuessed(String token) {
    CountryMatch m = STANDARD.resolve(token);
    assertEquals(MatchKind.UNMATCHED, m.kind());
    assertFalse(m.isResolved());
    assertEquals(2, m.suggestions().size());
  }

  static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of("The Philippines", "PHL"), Arguments.of("Moldova, Republic of", "MDA"),
        Arguments.of("Burma", "MMR"), Arguments.of("Ivory Coast", "CIV"), Arguments.of("Swaziland", "SWZ"),
        Arguments.of("Türkiye", "TUR"), Arguments.of("Congo (DRC)", "COD"), Arguments.of("Gambia, The", "GMB"),
        Arguments.of("Macau SAR, China", "MAC"), Arguments.of("Palestinian Territories", "PSE"),
        Arguments.of("Czech Republic", "CZE"), Arguments.of("Czechia", "CZE"),
        Arguments.of("Côte d’Ivoire", "CIV"), Arguments.of("COTE D'IVOIRE", "CIV"),
        Arguments.of("Korea, Republic of", "KOR"), Arguments.of("Korea (Democratic People's Republic of)", "PRK"),
        Arguments.of("St Lucia", "LCA"), Arguments.of("Bosnia & Herzegovina", "BIH"),
        Arguments.of("Papua New Guinea", "PNG"), Arguments.of("Guinea-Bissau", "GNB"), Arguments.of("Guinea", "GIN"),
        Arguments.of("Niger", "NER"), Arguments.of("Nigeria", "NGA"), Arguments.of("Dominica", "DMA"),
        Arguments.of("Dominican Republic", "DOM"), Arguments.of("South Sudan", "SSD"), Arguments.of("Sudan", "SDN"),
        Arguments.of("Republic of the Congo", "COG"), Arguments.of("Democratic Republic of the Congo", "COD"),
        Arguments.of("Viet Nam", "VNM"), Arguments.of("Vietnam", "VNM"), Arguments.of("Tibet", "CHN"),
        Arguments.of("Zaire", "COD"), Arguments.of("Serbia and Montenegro", "SRB"),
        Arguments.of("Sudan, South", "SSD"), Arguments.of("Korea, North", "PRK"),
        Arguments.of("Guinea Equatorial", "GNQ"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("variants")
  void commonVariantsResolveToTheirCountry(String token, String alpha3) {
    CountryMatch m = STANDARD.resolve(token);
    assertEquals(MatchKind.NAME, m.kind(), token);
    assertEquals(alpha3, m.country().orElseThrow().alpha3(), token);
  }

  @ParameterizedTest
  @ValueSource(strings = {"00", "ZZ", "0", "-99", "Unknown", "unknown", "N/A", "", "   ", "UNKNOWN", "n/a"})
  void unknownTokensAreMissingNotErrors(String token) {
    CountryMatch m = STANDARD.resolve(token);
    assertEquals(MatchKind.UNKNOWN_TOKEN, m.kind());
    assertTrue(m.isMissing());
    assertFalse(m.isResolved());
  }

  @Test
  void aStateNameInsideASubNationalNameIsNotTakenForTheState() {
    CountryMatch m = STANDARD.resolve("New Mexico");
    assertEquals(MatchKind.UNMATCHED, m.kind());
    assertEquals("MEX", m.suggestions().get(0).alpha3());
  }

  @Test
  void configuredUnknownTokensReplaceTheDefaults() {
    CountryResolver r = CountryResolver.builder().unknownTokens(List.of("NA")).build();
    assertEquals(MatchKind.UNKNOWN_TOKEN, r.resolve("na").kind());
    assertEquals("NAM", STANDARD.resolve("NA").country().orElseThrow().alpha3());
    assertEquals(MatchKind.UNMATCHED, r.resolve("ZZ").kind());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Atlantis", "Narnia", "Xyzzy Republic", "Q"})
  void namesBelowTheThresholdAreNeverGuessed(String token) {
    CountryMatch m = STANDARD.resolve(token);
    assertEquals(MatchKind.UNMATCHED, m.kind());
    assertTrue(m.country().isEmpty());
    assertTrue(m.score() < CountryResolver.DEFAULT_FUZZY_THRESHOLD);
  }

  @Test
  void anUnmatchedMisspellingComesWithItsBestSuggestions() {
    CountryMatch m = STANDARD.resolve("Gautemla"); // two edits from GUATEMALA: below the threshold
    assertEquals(MatchKind.UNMATCHED, m.kind());
    assertEquals("GTM", m.suggestions().get(0).alpha3());
    assertEquals(m.suggestions().get(0).score(), m.score());
    assertTrue(m.score() < 0.85 && m.score() > 0.5);
    CountryResolver loose = CountryResolver.builder().fuzzyThreshold(m.score()).build();
    assertEquals(MatchKind.FUZZY, loose.resolve("Gautemla").kind());
  }

  @ParameterizedTest
  @EnumSource(CountryForm.class)
  void aCountryIsWrittenInEveryTargetForm(CountryForm form) {
    Country md = STANDARD.resolve("Moldova").country().orElseThrow();
    String expected = switch (form) {
      case ALPHA2 -> "MD";
      case ALPHA3 -> "MDA";
      case NUMERIC -> "498";
      case NAME -> "Moldova (Republic of)";
      case UN_REGION -> "Europe";
      case UN_SUB_REGION -> "Eastern Europe";
      case IOM_REGION -> "RO Vienna";
    };
    assertEquals(expected, md.in(form));
  }

  @Test
  void theTableHoldsEveryIsoCountryOnceWithRegions() {
    List<Country> all = CountryTable.standard().countries();
    assertEquals(251, all.size());
    assertEquals(all.size(), all.stream().map(Country::alpha3).distinct().count());
    long withoutRegion = all.stream().filter(c -> c.unRegion().isEmpty()).count();
    assertEquals(1, withoutRegion); // Antarctica has no M49 region
    assertEquals("Caribbean", CountryTable.standard().byAlpha2("BQ").orElseThrow().unSubRegion());
  }

  @Test
  void resolvingIsTheSameFromManyThreads() throws Exception {
    List<String> tokens = List.of("Kyrgzstan", "Burma", "Atlantis", "TB", "4", "Gambia, The");
    List<CountryMatch> expected = tokens.stream().map(STANDARD::resolve).toList();
    CountryResolver fresh = CountryResolver.builder().build();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        for (int i = 0; i < 50; i++) {
          for (int k = 0; k < tokens.size(); k++) {
            if (!fresh.resolve(tokens.get(k)).equals(expected.get(k))) {
              errors.add(new AssertionError(tokens.get(k)));
            }
          }
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertTrue(errors.isEmpty());
  }
}
