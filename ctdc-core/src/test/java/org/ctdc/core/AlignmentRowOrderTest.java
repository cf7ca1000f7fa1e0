package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.samples.PartnerSamples.Profile;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Alignment works row by row: the aligned rows follow the input order, and the report's counts, coverage,
 * unmapped values and fuzzy matches are defined not to depend on it. A seeded shuffle of each partner sample
 * (with faults mixed in, so that rejects and unmapped values occur) checks that the aligned rows are the
 * shuffled aligned rows and that the report, without its row numbers, is identical.
 */
class AlignmentRowOrderTest {

  @ParameterizedTest
  @EnumSource(Profile.class)
  void shuffledInputGivesTheSameRowsAndTheSameReportApartFromRowNumbers(Profile p) {
    List<Map<String, String>> rows = new ArrayList<>();
    PartnerSamples.rows(p, 2_000, 11).forEach(rows::add);
    // a few faults: an unknown country name and an unmappable gender
    String country = p == Profile.HOTLINE ? "Citizenship" : PartnerSamples.header(p).stream()
        .filter(h -> h.toLowerCase(java.util.Locale.ROOT).contains("citizen")).findFirst().orElseThrow();
    String gender = PartnerSamples.header(p).stream()
        .filter(h -> h.toLowerCase(java.util.Locale.ROOT).contains("gender")
            || h.toLowerCase(java.util.Locale.ROOT).equals("sex")).findFirst().orElseThrow();
    for (int i = 0; i < rows.size(); i += 97) {
      Map<String, String> r = new java.util.LinkedHashMap<>(rows.get(i));
      r.put(i % 2 == 0 ? country : gender, "Atlantis");
      rows.set(i, r);
    }
    List<Map<String, String>> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(2026));

    Aligner aligner = Aligner.of(Specs.load(p.specName()));
    AlignmentResult a = aligner.align(rows, "rows");
    AlignmentResult b = aligner.align(shuffled, "rows");

    assertEquals(a.report().rowsRead(), a.report().rowsAligned() + a.report().rowsRejected());
    long faults = a.report().rowsRejected() + a.report().targets().stream()
        .mapToLong(t -> t.unmapped().stream().mapToLong(AlignmentReport.ValueCount::count).sum()
            + t.unmappedWithheld())
        .sum();
    assertTrue(faults > 0, "the injected faults show in the report");
    assertEquals(a.report().rowsRejected(), b.report().rowsRejected());
    assertEquals(sortedLines(a.dataset()), sortedLines(b.dataset()));
    assertEquals(withoutRowNumbers(a.report().toJson()), withoutRowNumbers(b.report().toJson()));
  }

  private static List<String> sortedLines(Dataset d) {
    StringWriter w = new StringWriter();
    DatasetCsv.write(d, w);
    List<String> lines = new ArrayList<>(List.of(w.toString().split("\r?\n")));
    Collections.sort(lines);
    return lines;
  }

  /** Removes the lists of row numbers, the only part of a report that follows the input order. */
  private static String withoutRowNumbers(String json) {
    return json.replaceAll("\"rows\"\\s*:\\s*\\[[^\\]]*\\]", "\"rows\":[]");
  }
}
