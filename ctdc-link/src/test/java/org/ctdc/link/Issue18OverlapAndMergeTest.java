package org.ctdc.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.ctdc.core.MergedDataset;
import org.ctdc.core.PartnerDataset;
import org.ctdc.samples.LinkageSamples;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import org.junit.jupiter.api.Test;

/** Issue 18: the overlap report (counts only, deterministic) and the merge that counts each person once. */
class Issue18OverlapAndMergeTest {

  static final Schema SCHEMA = Schemas.load("ctdc-global-kanon", "2020");

  static Dataset aligned(int rows, int year) {
    Dataset.Appender a = Dataset.appender(SCHEMA);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < SCHEMA.variables().size(); c++) {
        a.setMissing(c, MissingReason.UNKNOWN);
      }
      a.setInt(SCHEMA.indexOf("yearOfRegistration"), year);
      a.endRow();
    }
    return a.build();
  }

  @Test
  void issue18_theMergeKeepsOnePerPersonAndTheReportCountsOnly() throws Exception {
    LinkageSamples.Linkage l = LinkageSamples.generate(3, 2, 1500, 0.5, LinkageSamples.Corruption.defaults());
    List<ClkSet> sets;
    try (LinkKey k = LinkFixtures.key()) {
      sets = LinkFixtures.encode(Encoder.builder(LinkFixtures.config(), k).build(), l);
    }
    MatchResult r = Matcher.builder(LinkFixtures.config()).build().match(sets);
    List<PartnerDataset> parts = new ArrayList<>();
    parts.add(new PartnerDataset("hotline", aligned(sets.get(0).size(), 2018)));
    parts.add(new PartnerDataset("iom", aligned(sets.get(1).size(), 2019)));
    MergedDataset m = LinkMerge.merge(parts, sets, r);
    int in = sets.get(0).size() + sets.get(1).size();
    assertEquals(in - r.clusters().size(), m.dataset().rowCount());
    // every matched pair's two rows are the sources of one merged row, and they disagree on the year
    assertEquals(r.clusters().size(), m.conflicts().get("yearOfRegistration"));
    RecordRef first = r.clusters().get(0).get(0);
    boolean found = false;
    for (int row = 0; row < m.dataset().rowCount(); row++) {
      if (m.sources(row).size() == 2) {
        found |= m.sources(row).get(0).equals(new MergedDataset.RowRef("hotline", sets.get(0).indexOf(first.id())));
      }
    }
    assertTrue(found);

    OverlapReport rep = OverlapReport.of(LinkFixtures.config(), r).withMerge(OverlapReport.MergeCounts.of(m));
    String json = rep.toJson();
    assertEquals(json, OverlapReport.of(LinkFixtures.config(), r).withMerge(OverlapReport.MergeCounts.of(m)).toJson());
    JsonNode n = new ObjectMapper().readTree(json);
    assertEquals(r.clusters().size(), n.at("/overlap/0/matched").asLong());
    assertEquals(in, n.at("/merge/rowsIn").asLong());
    assertEquals(m.dataset().rowCount(), n.at("/merge/rowsOut").asLong());
    assertEquals(20, n.get("histogram").size());
    assertEquals(r.comparisons(), n.at("/match/comparisons").asLong());
    assertEquals(1024, n.at("/encoding/bits").asInt());
    for (String id : sets.get(0).ids().subList(0, 50)) {
      assertFalse(json.contains(id), "a record id in the report");
    }
    assertFalse(json.contains(LinkFixtures.KEY));

    List<PartnerDataset> shifted = List.of(parts.get(0), new PartnerDataset("iom", aligned(sets.get(1).size() - 1, 2019)));
    LinkException e = assertThrows(LinkException.class, () -> LinkMerge.merge(shifted, sets, r));
    assertTrue(e.getMessage().startsWith("merge: source 'partner-b': the aligned data has"), e.getMessage());
  }
}
