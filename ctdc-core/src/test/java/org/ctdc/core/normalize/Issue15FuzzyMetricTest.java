package org.ctdc.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: plain Levenshtein, Damerau–Levenshtein and Jaro–Winkler compared on the misspelling list and
 * the spelling list; the default metric and threshold are the ones with no confident wrong answer on
 * either list and the best recall of misspellings.
 */
class Issue15FuzzyMetricTest {

  /** The thresholds compared: 0.70 to 0.99 in steps of 0.01. */
  private static List<Double> thresholds() {
    List<Double> t = new ArrayList<>();
    for (int i = 70; i <= 99; i++) {
      t.add(i / 100.0);
    }
    return t;
  }

  /** Counts of one metric at one threshold on the misspelling list and on the spelling list. */
  record Row(FuzzyMetric metric, double threshold, Issue15CountryLists.Tally misspelt, Issue15CountryLists.Tally spelt) {
    int wrong() {
      return misspelt.wrong() + spelt.wrong();
    }
  }

  private static Row measure(FuzzyMetric metric, double threshold) {
    CountryResolver r = CountryResolver.builder().fuzzyMetric(metric).fuzzyThreshold(threshold).build();
    return new Row(metric, threshold, Issue15CountryLists.tally(r, Issue15CountryLists.misspellings()),
        Issue15CountryLists.tally(r, Issue15CountryLists.spellings()));
  }

  /**
   * What a resolver with a higher threshold gives, from the matches of one with the lowest: only a fuzzy
   * match depends on the threshold (its guards do not), and it stays applied exactly while its score
   * reaches the threshold.
   */
  private static Issue15CountryLists.Tally at(
      double threshold, List<Issue15CountryLists.Entry> entries, List<CountryMatch> atLowest) {
    List<Optional<String>> answers = new ArrayList<>();
    for (CountryMatch m : atLowest) {
      boolean applied = m.isResolved() && (m.kind() != MatchKind.FUZZY || m.score() >= threshold);
      answers.add(applied ? m.country().map(Country::alpha3) : Optional.empty());
    }
    return Issue15CountryLists.count(entries, answers);
  }

  /** Every metric at every threshold. */
  private static List<Row> table() {
    List<Issue15CountryLists.Entry> misspelt = Issue15CountryLists.misspellings();
    List<Issue15CountryLists.Entry> spelt = Issue15CountryLists.spellings();
    List<Row> rows = new ArrayList<>();
    for (FuzzyMetric metric : FuzzyMetric.values()) {
      CountryResolver lowest = CountryResolver.builder().fuzzyMetric(metric).fuzzyThreshold(thresholds().get(0)).build();
      List<CountryMatch> a = misspelt.stream().map(e -> lowest.resolve(e.spelling())).toList();
      List<CountryMatch> b = spelt.stream().map(e -> lowest.resolve(e.spelling())).toList();
      for (double t : thresholds()) {
        rows.add(new Row(metric, t, at(t, misspelt, a), at(t, spelt, b)));
      }
    }
    return rows;
  }

  /** Per metric, the threshold with no wrong answer and the most misspellings recovered (the lowest on ties). */
  private static Map<FuzzyMetric, Row> bestPerMetric(List<Row> rows) {
    Map<FuzzyMetric, Row> best = new EnumMap<>(FuzzyMetric.class);
    for (Row row : rows) {
      Row before = best.get(row.metric());
      if (row.wrong() == 0 && (before == null || row.misspelt().right() > before.misspelt().right())) {
        best.put(row.metric(), row);
      }
    }
    return best;
  }

  private static String line(Row r) {
    return String.format(Locale.ROOT, "| %s | %.2f | %d of %d (%.1f %%) | %d | %d | %d |",
        r.metric(), r.threshold(), r.misspelt().right(), r.misspelt().total(), 100 * r.misspelt().recall(),
        r.misspelt().wrong(), r.spelt().wrong(), r.spelt().total() - r.spelt().right() - r.spelt().wrong());
  }

  @Test
  void issue15_theDefaultMetricAndThresholdAreTheBestWithNoConfidentWrongAnswer() {
    List<Row> rows = table();
    Map<FuzzyMetric, Row> best = bestPerMetric(rows);
    System.out.println("| metric | threshold | misspellings recovered | misspellings wrong | spellings wrong | spellings unmapped |");
    for (Row r : rows) {
      if (Math.round(r.threshold() * 100) % 5 == 0 || best.containsValue(r)) {
        System.out.println(line(r) + (best.containsValue(r) ? " best" : ""));
      }
    }
    Row chosen = measure(CountryResolver.DEFAULT_FUZZY_METRIC, CountryResolver.DEFAULT_FUZZY_THRESHOLD);
    assertEquals(0, chosen.misspelt().wrong(), "confident wrong answers on the misspelling list");
    assertEquals(0, chosen.spelt().wrong(), "confident wrong answers on the spelling list");
    Row derived = rows.stream()
        .filter(r -> r.metric() == chosen.metric() && Math.abs(r.threshold() - chosen.threshold()) < 1e-9)
        .findFirst().orElseThrow();
    assertEquals(chosen, derived, "the table's derivation agrees with a resolver built at the threshold");
    for (Row other : best.values()) {
      assertTrue(chosen.misspelt().right() >= other.misspelt().right(),
          "the default recalls no fewer misspellings than " + other);
    }
    assertTrue(chosen.misspelt().right() > best.get(FuzzyMetric.LEVENSHTEIN).misspelt().right(),
        "Damerau-Levenshtein beats plain Levenshtein");
  }
}
