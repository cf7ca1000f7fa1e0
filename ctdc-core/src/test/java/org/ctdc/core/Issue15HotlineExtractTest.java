package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctdc.schema.Dataset;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, partner formats: a synthetic hotline extract of 61 rows written from the docs alone
 * ({@code issue15/hotline-extract.csv}, see its README) aligns with its declared formats without a single
 * row rejected for its format; the baseline spec with today's options rejects a quarter of it.
 */
class Issue15HotlineExtractTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = Issue15HotlineExtractTest.class.getResourceAsStream("issue15/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static AlignmentResult align(String spec) throws IOException {
    AlignmentSpec s = Specs.parse(resource(spec), spec);
    return Aligner.of(s).alignCsv(new StringReader(resource("hotline-extract.csv")), "hotline-extract.csv");
  }

  /** The Kind column of each data row, 1-based (index 0 unused). */
  private static List<String> kinds() throws IOException {
    List<String> k = new ArrayList<>();
    k.add("");
    String[] lines = resource("hotline-extract.csv").split("\n");
    for (int i = 1; i < lines.length; i++) {
      k.add(lines[i].substring(lines[i].lastIndexOf(',') + 1));
    }
    return k;
  }

  private static Set<Long> rejectedRows(AlignmentReport r) {
    Set<Long> rows = new HashSet<>();
    for (AlignmentReport.RejectGroup g : r.rejects()) {
      assertEquals(g.count(), g.rows().size());
      rows.addAll(g.rows());
    }
    return rows;
  }

  @Test
  void issue15_noRowIsRejectedForItsFormatAlone() throws IOException {
    AlignmentResult result = align("hotline-extract.yaml");
    AlignmentReport r = result.report();
    List<String> kinds = kinds();
    assertEquals(61, kinds.size() - 1);
    assertEquals(61, r.rowsRead());
    assertEquals(r.rowsRead(), r.rowsAligned() + r.rowsRejected());
    Set<Long> rejected = rejectedRows(r);
    for (long row = 1; row <= 61; row++) {
      assertEquals(kinds.get((int) row).equals("reject"), rejected.contains(row), "row " + row + " " + kinds.get((int) row));
    }
    for (AlignmentReport.RejectGroup g : r.rejects()) {
      assertTrue(
          g.reason() == RejectReason.IMPOSSIBLE_AGE || g.reason() == RejectReason.CONTRADICTORY_AGE,
          g.reason().id());
    }
    // the values that cannot be read are missing, each counted by its reason: never guessed
    AlignmentReport.TargetCoverage age = r.target("ageBroad");
    long unreadable = kinds.stream().filter("unreadable"::equals).count();
    assertEquals(unreadable, age.turnedMissing().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(Map.of(RejectReason.NOT_A_NUMBER, 2L, RejectReason.AMBIGUOUS_DATE, 1L), age.turnedMissing());
    assertEquals(age.turnedMissing(), r.turnedMissing());
    assertTrue(r.toJson().contains("\"ambiguous-date\" : 1"), r.toJson());
  }

  @Test
  void issue15_todaysOptionsRejectAQuarterOfTheExtractForItsFormat() throws IOException {
    AlignmentReport r = align("hotline-extract-plain.yaml").report();
    List<String> kinds = kinds();
    assertEquals(r.rowsRead(), r.rowsAligned() + r.rowsRejected());
    long formatRejects = 0;
    for (long row : rejectedRows(r)) {
      String kind = kinds.get((int) row);
      assertFalse(kind.equals("plain"), "row " + row);
      formatRejects += kind.equals("format") || kind.equals("unreadable") ? 1 : 0;
    }
    assertTrue(formatRejects >= 16, "format rejects: " + formatRejects);
  }

  @Test
  void issue15_theDeclaredFormatsGiveTheRightCells() throws IOException {
    Dataset d = align("hotline-extract.yaml").dataset();
    Map<String, String> expected = Map.ofEntries(
        Map.entry("17 yrs", "9--17"), Map.entry("17 years old", "9--17"), Map.entry("approx. 30", "30--38"),
        Map.entry("about 30", "30--38"), Map.entry("~30", "30--38"), Map.entry("30?", "30--38"),
        Map.entry("45 y/o", "39--47"), Map.entry("24yrs", "24--26"),
        // birth dates in the age column: the age on the registration date
        Map.entry("2001-03-14", "18--20"), Map.entry("14/03/2003", "9--17"), Map.entry("March 3, 1985", "30--38"));
    String[] lines = resource("hotline-extract.csv").split("\n");
    int aligned = 0;
    int ageCol = d.column("ageBroad");
    int yearCol = d.column("yearOfRegistration");
    int found = 0;
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
      if (f[9].equals("reject")) {
        continue;
      }
      String age = f[3].replace("\"", "");
      String date = f[1].replace("\"", "");
      if (expected.containsKey(age)) {
        assertEquals(expected.get(age), d.token(aligned, ageCol), "row " + i);
        found++;
      }
      if (date.matches(".*(March 14, 2019|14/03/2019|14\\.03\\.2019|14 Mar 2019)")) {
        assertEquals("2019", d.token(aligned, yearCol), "row " + i);
        found++;
      }
      aligned++;
    }
    assertEquals(expected.size() + 4, found);
  }
}
