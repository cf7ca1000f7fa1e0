package org.ctdc.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /** For each metric, the zero-wrong threshold with the best recall of misspellings (lowest such threshold on ties). */
  private static Map<FuzzyMetric, Row> bestPerMetric(StringBuilder table) {
    Map<FuzzyMetric, Row> best = new EnumMap<>(FuzzyMetric.class);
    for (FuzzyMetric metric : FuzzyMetric.values()) {
      for (double t : thresholds()) {
        Row row = measure(metric, t);
        table.append(String.format(Locale.ROOT, "%s %.2f misspelt right %d wrong %d unmapped %d; spelt right %d wrong %d%n",
            metric, t, row.misspelt().right(), row.misspelt().wrong(), row.misspelt().unmapped(),
            row.spelt().right(), row.spelt().wrong()));
        Row before = best.get(metric);
        if (row.wrong() == 0 && (before == null || row.misspelt().right() > before.misspelt().right())) {
          best.put(metric, row);
        }
      }
    }
    return best;
  }

  @Test
  void issue15_theDefaultMetricAndThresholdAreTheBestWithNoConfidentWrongAnswer() {
    StringBuilder table = new StringBuilder();
    Map<FuzzyMetric, Row> best = bestPerMetric(table);
    System.out.print(table);
    best.values().forEach(r -> System.out.println("best " + r));
    Row chosen = measure(CountryResolver.DEFAULT_FUZZY_METRIC, CountryResolver.DEFAULT_FUZZY_THRESHOLD);
    assertEquals(0, chosen.misspelt().wrong(), "confident wrong answers on the misspelling list");
    assertEquals(0, chosen.spelt().wrong(), "confident wrong answers on the spelling list");
    for (Row other : best.values()) {
      assertTrue(chosen.misspelt().right() >= other.misspelt().right(),
          "the default recalls no fewer misspellings than " + other);
    }
  }
}
