package org.ctdc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Issue19HighCardinalityDataTest {

  static String csv(HighCardinalityData.Profile p, long rows, long seed) throws IOException {
    StringWriter w = new StringWriter();
    HighCardinalityData.writeCsv(w, p, rows, seed);
    return w.toString();
  }

  @Test
  void issue19_sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
    assertEquals(csv(HighCardinalityData.Profile.HIGH, 3_000, 7), csv(HighCardinalityData.Profile.HIGH, 3_000, 7));
    assertNotEquals(csv(HighCardinalityData.Profile.HIGH, 3_000, 7), csv(HighCardinalityData.Profile.HIGH, 3_000, 8));
    assertEquals(String.join(",", HighCardinalityData.COLUMNS) + "\n", csv(HighCardinalityData.Profile.HIGH, 0, 1));
  }

  @Test
  void issue19_streamsRowByRowWithoutHoldingTheFile() throws IOException {
    // a writer that keeps nothing: the generator itself must not build the text of all rows
    long[] chars = {0};
    int[] largestWrite = {0};
    Writer sink = new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) {
        chars[0] += len;
        largestWrite[0] = Math.max(largestWrite[0], len);
      }

      @Override
      public void write(String s) {
        write(s.toCharArray(), 0, s.length());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    HighCardinalityData.writeCsv(sink, HighCardinalityData.Profile.HIGH, 200_000, 1);
    assertTrue(chars[0] > 200_000L * 40, "wrote " + chars[0]);
    assertTrue(largestWrite[0] < 1 << 18, "largest single write " + largestWrite[0]);
  }

  @Test
  void issue19_highProfileHasTheIssuesCardinalities() throws IOException {
    String[] lines = csv(HighCardinalityData.Profile.HIGH, 200_000, 42).split("\n");
    List<String> cols = HighCardinalityData.COLUMNS;
    List<Set<String>> distinct = new java.util.ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      distinct.add(new HashSet<>());
    }
    Map<String, Integer> citizenship = new HashMap<>();
    for (int r = 1; r < lines.length; r++) {
      String[] f = lines[r].split(",", -1);
      assertEquals(cols.size(), f.length, "row " + r);
      for (int i = 0; i < f.length; i++) {
        if (!f[i].isEmpty()) {
          distinct.get(i).add(f[i]);
        }
      }
      citizenship.merge(f[cols.indexOf("citizenship")], 1, Integer::sum);
    }
    assertEquals(100, distinct.get(cols.indexOf("age")).size());
    assertEquals(150, distinct.get(cols.indexOf("citizenship")).size());
    assertEquals(150, distinct.get(cols.indexOf("CountryOfExploitation")).size());
    assertEquals(22, distinct.get(cols.indexOf("yearOfRegistration")).size());
    assertEquals(2, distinct.get(cols.indexOf("Datasource")).size());
    // Zipf: the first country about twice the second, far above the 150th
    int c1 = citizenship.get("C001");
    int c2 = citizenship.get("C002");
    assertTrue(c1 > 1.7 * c2 && c1 < 2.3 * c2, c1 + " vs " + c2);
    assertTrue(c1 > 50 * citizenship.get("C150"));
    // 20 sub-regions and 5 regions
    Set<String> subs = new HashSet<>();
    Set<String> regions = new HashSet<>();
    for (int c = 1; c <= 150; c++) {
      subs.add(HighCardinalityData.subRegion(c));
      regions.add(HighCardinalityData.region(c));
    }
    assertEquals(20, subs.size());
    assertEquals(5, regions.size());
    // the QI combinations are many: most rows of 200,000 are in a class of their own or nearly
    Set<String> tuples = new HashSet<>();
    for (int r = 1; r < lines.length; r++) {
      String[] f = lines[r].split(",", -1);
      tuples.add(String.join(",", java.util.Arrays.copyOf(f, 8)));
    }
    assertTrue(tuples.size() > 100_000, "distinct QI tuples " + tuples.size());
  }

  @Test
  void issue19_hierarchiesListEveryGeneratedValueOnce() throws IOException {
    for (HighCardinalityData.Profile p : HighCardinalityData.Profile.values()) {
      Map<String, String> h = HighCardinalityData.hierarchies(p);
      assertEquals(HighCardinalityData.quasiIdentifiers(), List.copyOf(h.keySet()));
      String[] lines = csv(p, 50_000, 3).split("\n");
      for (String qi : h.keySet()) {
        Set<String> leaves = new HashSet<>();
        int height = -1;
        for (String row : h.get(qi).split("\n")) {
          String[] levels = row.split(";");
          assertTrue(leaves.add(levels[0]), qi + " lists " + levels[0] + " twice");
          assertEquals("*", levels[levels.length - 1]);
          assertTrue(height < 0 || height == levels.length, qi);
          height = levels.length;
        }
        // one parent per value and level
        for (int level = 1; level < height; level++) {
          Map<String, String> parent = new HashMap<>();
          for (String row : h.get(qi).split("\n")) {
            String[] levels = row.split(";");
            String before = parent.putIfAbsent(levels[level - 1], levels[level]);
            assertTrue(before == null || before.equals(levels[level]), qi + " level " + level);
          }
        }
        int col = HighCardinalityData.COLUMNS.indexOf(qi);
        for (int r = 1; r < lines.length; r++) {
          String v = lines[r].split(",", -1)[col];
          assertTrue(v.isEmpty() || leaves.contains(v), p + " " + qi + " " + v);
        }
      }
    }
  }
}
