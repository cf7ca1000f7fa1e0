package org.ctdc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 18: the linkage test-data generator is seeded, its truth is consistent and it corrupts as told. */
class Issue18LinkageSamplesTest {

  @Test
  void issue18_theSameSeedGivesTheSameBytesAndTheTruthNamesRealRows() {
    LinkageSamples.Linkage a = LinkageSamples.generate(11, 3, 2000, 0.4, LinkageSamples.Corruption.defaults());
    LinkageSamples.Linkage b = LinkageSamples.generate(11, 3, 2000, 0.4, LinkageSamples.Corruption.defaults());
    assertEquals(a, b);
    assertNotEquals(a, LinkageSamples.generate(12, 3, 2000, 0.4, LinkageSamples.Corruption.defaults()));
    Map<String, Set<String>> ids = new HashMap<>();
    int rows = 0;
    for (LinkageSamples.Extract x : a.extracts()) {
      String[] lines = x.csv().split("\n");
      assertEquals(String.join(",", LinkageSamples.HEADER), lines[0]);
      assertEquals(x.rows(), lines.length - 1);
      Set<String> s = new HashSet<>();
      for (int i = 1; i < lines.length; i++) {
        assertEquals(5, lines[i].split(",", -1).length);
        assertTrue(s.add(lines[i].split(",", -1)[0]), "ids are unique");
      }
      ids.put(x.name(), s);
      rows += x.rows();
    }
    assertTrue(rows > 2000, "some people are in more than one extract");
    int pairsOfThree = 0;
    for (LinkageSamples.TruePair p : a.truth()) {
      assertTrue(ids.get(p.extractA()).contains(p.idA()));
      assertTrue(ids.get(p.extractB()).contains(p.idB()));
      pairsOfThree += p.extractA().equals("partner-a") && p.extractB().equals("partner-c") ? 1 : 0;
    }
    assertTrue(pairsOfThree > 0);
    // people in k extracts give k(k-1)/2 true pairs: rows - people = sum (k - 1) <= pairs
    assertTrue(a.truth().size() >= rows - 2000);
  }

  @Test
  void issue18_theScriptsAndCorruptionsAppear() {
    LinkageSamples.Linkage l = LinkageSamples.generate(5, 2, 3000, 0.5, new LinkageSamples.Corruption(0, 0, 0.5, 0, 0.5));
    String b = l.extracts().get(1).csv();
    assertTrue(b.chars().anyMatch(c -> c >= 0x400 && c <= 0x4FF), "the second extract writes Cyrillic names");
    assertTrue(l.extracts().get(0).csv().chars().allMatch(c -> c < 0x400), "the first writes Latin spellings");
    assertTrue(b.contains(",,"), "missing fields");
    assertTrue(b.lines().skip(1).anyMatch(line -> line.split(",", -1)[3].matches("\\d{4}")), "estimated years");
    LinkageSamples.Linkage clean = LinkageSamples.generate(5, 2, 3000, 0.5, LinkageSamples.Corruption.none());
    assertTrue(clean.extracts().get(0).csv().lines().skip(1).allMatch(line -> line.split(",", -1)[3].matches("\\d{4}-\\d\\d-\\d\\d")));
    assertThrows(IllegalArgumentException.class, () -> LinkageSamples.generate(1, 4, 10, 0.5, LinkageSamples.Corruption.none()));
    assertThrows(IllegalArgumentException.class, () -> new LinkageSamples.Corruption(2, 0, 0, 0, 0));
  }
}
