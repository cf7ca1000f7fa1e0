package org.ctdc.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15: the country test list (spellings from ISO 3166, UN M49, the World Bank, endonyms, former
 * names, and values that name no country) and the misspelling list, resolved by the standard resolver
 * with no confident wrong answer.
 */
class Issue15CountryListTest {
  private static final CountryResolver STANDARD = CountryResolver.standard();

  static Stream<Issue15CountryLists.Entry> spellings() {
    return Issue15CountryLists.spellings().stream();
  }

  static Stream<Issue15CountryLists.Entry> misspellings() {
    return Issue15CountryLists.misspellings().stream();
  }

  @ParameterizedTest(name = "line {0}")
  @MethodSource("spellings")
  void issue15_everySpellingOfTheListGivesItsCountryOrStaysUnmapped(Issue15CountryLists.Entry e) {
    CountryMatch m = STANDARD.resolve(e.spelling());
    if (e.mustResolve()) {
      assertTrue(m.isResolved(), "line " + e.line() + " unmapped: " + m);
      assertEquals(e.expected(), m.country().orElseThrow().alpha3(), "line " + e.line());
    } else {
      assertFalse(m.isResolved(), "line " + e.line() + " must stay unmapped: " + m);
    }
  }

  @ParameterizedTest(name = "line {0}")
  @MethodSource("misspellings")
  void issue15_aMisspellingIsNeverResolvedToAnotherCountry(Issue15CountryLists.Entry e) {
    CountryMatch m = STANDARD.resolve(e.spelling());
    if (m.isResolved()) {
      assertEquals(e.expected(), m.country().orElseThrow().alpha3(), "line " + e.line());
      // some English misspellings are names in another language (Singapur, Rumania): exact, score 1
      assertTrue(m.kind() == MatchKind.NAME || m.kind() == MatchKind.FUZZY, "line " + e.line());
      if (m.kind() == MatchKind.FUZZY) {
        assertTrue(m.score() >= STANDARD.fuzzyThreshold() && m.score() < 1.0, "line " + e.line());
      }
    }
  }

  @Test
  void issue15_theListsAreLargeEnoughAndCoverTheirConventions() {
    List<Issue15CountryLists.Entry> spellings = Issue15CountryLists.spellings();
    assertTrue(spellings.size() >= 300, "spellings: " + spellings.size());
    assertTrue(Issue15CountryLists.misspellings().size() >= 100, "misspellings");
    Set<String> countries = new HashSet<>();
    Set<String> conventions = new HashSet<>();
    for (Issue15CountryLists.Entry e : spellings) {
      countries.add(e.expected());
      conventions.add(e.note());
    }
    assertTrue(countries.size() >= 240, "countries covered: " + countries.size());
    for (String c : List.of("ISO 3166 short", "UN M49", "World Bank", "endonym", "formal", "contained name")) {
      assertTrue(conventions.contains(c), c);
    }
  }

  @Test
  void issue15_mostMisspellingsAreRecoveredAndNoneIsWrong() {
    Issue15CountryLists.Tally t = Issue15CountryLists.tally(STANDARD, Issue15CountryLists.misspellings());
    assertEquals(0, t.wrong());
    assertTrue(t.recall() >= 0.9, "recall " + t);
    Issue15CountryLists.Tally s = Issue15CountryLists.tally(STANDARD, Issue15CountryLists.spellings());
    assertEquals(0, s.wrong());
    assertEquals(s.total(), s.right(), "every spelling of the list: " + s);
  }
}
