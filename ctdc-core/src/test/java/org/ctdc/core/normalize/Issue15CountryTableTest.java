package org.ctdc.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15: the whole name table. Every alias names its own country; no alias, and no one-edit neighbour
 * of an alias (the forms a misspelling produces), gives another country; qualified names never give the
 * unqualified country; a name inside a longer value is a suggestion, not a match.
 */
class Issue15CountryTableTest {
  private static final CountryResolver XK =
      CountryResolver.builder().privateCodePolicy(PrivateCodePolicy.KOSOVO_AS_XK).build();
  private static final CountryResolver STANDARD = CountryResolver.standard();

  /** The NAME rows of the bundled aliases.csv: alias, alpha-2, whether a misspelling may match it. */
  record Alias(int line, String alias, String alpha2, boolean fuzzy) {}

  static List<Alias> aliases() throws IOException {
    List<Alias> out = new ArrayList<>();
    try (InputStream in = Issue15CountryTableTest.class.getResourceAsStream("/META-INF/ctdc/countries/aliases.csv");
        MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
      int line = 1;
      while (it.hasNext()) {
        Map<String, String> r = it.next();
        line++;
        if (r.get("kind").equals("NAME")) {
          out.add(new Alias(line, r.get("alias"), r.get("alpha2"), !"N".equals(r.get("fuzzy"))));
        }
      }
    }
    return out;
  }

  @Test
  void issue15_everyAliasOfTheTableNamesItsOwnCountryExactly() throws IOException {
    List<Alias> all = aliases();
    assertTrue(all.size() > 900, "aliases: " + all.size());
    for (Alias a : all) {
      CountryMatch m = XK.resolve(a.alias());
      // an alias that is also the country's code (PNG, UAE is not one) resolves as the code
      assertTrue(m.kind() == MatchKind.NAME || m.kind() == MatchKind.CODE, "aliases.csv line " + a.line());
      assertEquals(a.alpha2(), m.country().orElseThrow().alpha2(), "aliases.csv line " + a.line());
      assertEquals(1.0, m.score());
    }
  }

  /** Forms a typist produces from a name: last letter dropped, middle letters swapped, middle letter dropped, first letter doubled. */
  static List<String> neighbours(String name) {
    String s = name.toUpperCase(java.util.Locale.ROOT);
    int mid = s.length() / 2;
    List<String> out = new ArrayList<>();
    out.add(s.substring(0, s.length() - 1));
    out.add(s.substring(0, mid - 1) + s.charAt(mid) + s.charAt(mid - 1) + s.substring(mid + 1));
    out.add(s.substring(0, mid) + s.substring(mid + 1));
    out.add(s.charAt(0) + s);
    return out;
  }

  @Test
  void issue15_noMisspellingOfOneCountrysNameGivesAnotherCountry() throws IOException {
    Map<String, String> exactOwner = new HashMap<>();
    List<Alias> all = aliases();
    for (Alias a : all) {
      exactOwner.put(a.alias(), a.alpha2());
    }
    int checked = 0;
    int recovered = 0;
    for (Alias a : all) {
      if (!a.fuzzy() || a.alias().length() < 5) {
        continue;
      }
      for (String n : neighbours(a.alias())) {
        CountryMatch m = XK.resolve(n);
        checked++;
        if (m.kind() == MatchKind.FUZZY) {
          assertEquals(a.alpha2(), m.country().orElseThrow().alpha2(),
              "aliases.csv line " + a.line() + ": a misspelling of it gives another country");
          recovered++;
        } else if (m.isResolved() && !m.country().orElseThrow().alpha2().equals(a.alpha2())) {
          // only when the form is itself another country's name
          assertEquals(MatchKind.NAME, m.kind(), "aliases.csv line " + a.line());
        }
      }
    }
    assertTrue(checked > 2500, "neighbours checked: " + checked);
    assertTrue(recovered > checked / 2, "most neighbours are recovered: " + recovered + " of " + checked);
  }

  static Stream<Arguments> qualifiedAndUnqualified() {
    return Stream.of(
        Arguments.of("Congo, Dem. Rep.", "COD", "COG"), Arguments.of("Dem. Rep. Congo", "COD", "COG"),
        Arguments.of("Congo DR", "COD", "COG"), Arguments.of("DR Congo", "COD", "COG"),
        Arguments.of("Congo, Democratic Republic of the", "COD", "COG"),
        Arguments.of("Democratic Republic of Congo", "COD", "COG"), Arguments.of("D.R. Congo", "COD", "COG"),
        Arguments.of("Korea, Dem. People's Rep.", "PRK", "KOR"), Arguments.of("North Korea", "PRK", "KOR"),
        Arguments.of("Korea DPR", "PRK", "KOR"), Arguments.of("South Sudan", "SSD", "SDN"),
        Arguments.of("Sudan, South", "SSD", "SDN"), Arguments.of("Nigeria", "NGA", "NER"),
        Arguments.of("Guinea-Bissau", "GNB", "GIN"), Arguments.of("Equatorial Guinea", "GNQ", "GIN"),
        Arguments.of("Papua New Guinea", "PNG", "GIN"), Arguments.of("Dominican Republic", "DOM", "DMA"),
        Arguments.of("North Macedonia", "MKD", "GRC"), Arguments.of("American Samoa", "ASM", "WSM"),
        Arguments.of("Virgin Islands (British)", "VGB", "VIR"), Arguments.of("Virgin Islands (U.S.)", "VIR", "VGB"),
        Arguments.of("British Virgin Islands", "VGB", "VIR"), Arguments.of("US Virgin Islands", "VIR", "VGB"),
        Arguments.of("Northern Ireland", "GBR", "IRL"), Arguments.of("Northern Mariana Islands", "MNP", "MHL"),
        Arguments.of("South Africa", "ZAF", "CAF"), Arguments.of("Central African Republic", "CAF", "ZAF"),
        Arguments.of("Iran, Islamic Rep.", "IRN", "IRQ"), Arguments.of("Egypt, Arab Rep.", "EGY", "SYR"),
        Arguments.of("Republic of the Congo", "COG", "COD"), Arguments.of("Congo, Rep.", "COG", "COD"),
        Arguments.of("Saint Martin (French part)", "MAF", "SXM"), Arguments.of("Sint Maarten (Dutch part)", "SXM", "MAF"),
        Arguments.of("Republic of Korea", "KOR", "PRK"), Arguments.of("Korea, Rep.", "KOR", "PRK"));
  }

  @ParameterizedTest(name = "{0} -> {1}, never {2}")
  @MethodSource("qualifiedAndUnqualified")
  void issue15_aQualifiedNameGivesItsOwnCountryNeverTheUnqualifiedOne(String token, String alpha3, String never) {
    CountryMatch m = STANDARD.resolve(token);
    assertEquals(MatchKind.NAME, m.kind(), token);
    assertEquals(alpha3, m.country().orElseThrow().alpha3(), token);
    assertNotEquals(never, m.country().orElseThrow().alpha3());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "Chad Smith, TCD", "Jordan Reyes, JOR", "Georgia Brown, GEO", "Kenya Moore, KEN", "Israel Adams, ISR",
    "Turkey sandwich, TUR", "Hong Kong special region of China, HKG"
  })
  void issue15_aCountryNameInsideALongerValueIsOnlyASuggestion(String token, String suggested) {
    CountryMatch m = STANDARD.resolve(token);
    assertEquals(MatchKind.UNMATCHED, m.kind(), token);
    assertFalse(m.isResolved());
    assertEquals(suggested, m.suggestions().get(0).alpha3(), token);
    assertTrue(m.score() < 1.0 && m.score() == m.suggestions().get(0).score());
  }

  @Test
  void issue15_misspellingsOfTheIssueAreMatchedAndReportedAsFuzzy() {
    for (String[] c : new String[][] {{"Phillipines", "PHL"}, {"Ukriane", "UKR"}}) {
      CountryMatch m = STANDARD.resolve(c[0]);
      assertEquals(MatchKind.FUZZY, m.kind(), c[0]);
      assertEquals(c[1], m.country().orElseThrow().alpha3());
      assertTrue(m.score() >= STANDARD.fuzzyThreshold() && m.score() < 1.0);
    }
    for (String[] c : new String[][] {{"Brasil", "BRA"}, {"Deutschland", "DEU"}, {"España", "ESP"},
        {"Türkiye", "TUR"}, {"Việt Nam", "VNM"}, {"Moldavia", "MDA"}, {"Burma", "MMR"}, {"Ivory Coast", "CIV"},
        {"Swaziland", "SWZ"}, {"Eswatini", "SWZ"}, {"Czechia", "CZE"}}) {
      CountryMatch m = STANDARD.resolve(c[0]);
      assertEquals(MatchKind.NAME, m.kind(), c[0] + " is a name");
      assertEquals(c[1], m.country().orElseThrow().alpha3());
    }
  }

  @Test
  void issue15_anAdjectiveOrANameBetweenTwoCountriesIsNotGuessed() {
    for (String t : List.of("Dominican", "Nigerian", "Sudanese", "Nigeri", "Slovania", "Island", "Virgin Islands")) {
      assertFalse(STANDARD.resolve(t).isResolved(), t);
    }
  }
}
