package org.ctdc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 18: the demo's two partner extracts with a known overlap. */
class Issue18PartnerSamplesTest {

  private static List<String> column(String csv, String name) {
    String[] lines = csv.split("\n");
    int c = List.of(lines[0].split(",", -1)).indexOf(name);
    assertTrue(c >= 0, name + " in the header");
    List<String> out = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      out.add(lines[i].split(",", -1)[c]);
    }
    return out;
  }

  @Test
  void issue18_theExtractsCarryIdentitiesAndTheTruthNamesTheirRecords() {
    PartnerSamples.Overlapping o = PartnerSamples.overlapping(2000, 11, 0.2);
    assertEquals(o.hotlineRows(), o.hotline().split("\n").length - 1);
    assertEquals(o.caseManagementRows(), o.caseManagement().split("\n").length - 1);
    Set<String> hotlineIds = new HashSet<>(column(o.hotline(), "CaseID"));
    Set<String> caseIds = new HashSet<>(column(o.caseManagement(), "CaseNo"));
    for (String c : PartnerSamples.HOTLINE_IDENTITY) {
      column(o.hotline(), c);
    }
    for (String c : PartnerSamples.CASE_MANAGEMENT_IDENTITY) {
      column(o.caseManagement(), c);
    }
    // people = 2000 / 1.2, a fifth of them in both: about 333 pairs
    assertTrue(o.truth().size() > 250 && o.truth().size() < 420, "overlap " + o.truth().size());
    for (LinkageSamples.TruePair t : o.truth()) {
      assertEquals("hotline", t.extractA());
      assertEquals("case-management", t.extractB());
      assertTrue(hotlineIds.contains(t.idA()) && caseIds.contains(t.idB()), "the truth names records of the extracts");
    }
    assertTrue(Math.abs(o.hotlineRows() + o.caseManagementRows() - 2000) < 150, "about the rows asked for");
  }

  @Test
  void issue18_theProfileColumnsAreThoseOfTheProfileAndTheOutputIsDeterministic() {
    PartnerSamples.Overlapping a = PartnerSamples.overlapping(500, 3, 0.3);
    PartnerSamples.Overlapping b = PartnerSamples.overlapping(500, 3, 0.3);
    assertEquals(a, b);
    String header = a.hotline().substring(0, a.hotline().indexOf('\n'));
    assertTrue(header.startsWith(String.join(",", PartnerSamples.header(PartnerSamples.Profile.HOTLINE))), header);
    assertEquals(List.of("RecordedDateOfBirth", "Sex"), PartnerSamples.CASE_MANAGEMENT_IDENTITY.subList(2, 4));
    assertThrows(IllegalArgumentException.class, () -> PartnerSamples.overlapping(1, 3, 0.3));
    assertThrows(IllegalArgumentException.class, () -> PartnerSamples.overlapping(100, 3, 1.5));
  }
}
