package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import org.junit.jupiter.api.Test;

/** Issue 18: the merge with provenance keeps one row per matched person, every source in its provenance. */
class Issue18MergeWithoutDoubleCountingTest {

  static final Schema SCHEMA = Schemas.load("ctdc-global-kanon", "2020");

  /** Rows of (year, gender code or -1 for unknown). */
  static Dataset rows(int[][] rows) {
    Dataset.Appender a = Dataset.appender(SCHEMA);
    int year = SCHEMA.indexOf("yearOfRegistration");
    int gender = SCHEMA.indexOf("gender");
    for (int[] r : rows) {
      for (int c = 0; c < SCHEMA.variables().size(); c++) {
        a.setMissing(c, MissingReason.UNKNOWN);
      }
      a.setInt(year, r[0]);
      if (r[1] >= 0) {
        a.setCode(gender, r[1]);
      }
      a.endRow();
    }
    return a.build();
  }

  @Test
  void issue18_matchedRowsBecomeOneWithBothSourcesAndConflictsCounted() {
    PartnerDataset a = new PartnerDataset("a", rows(new int[][] {{2018, 0}, {2019, -1}, {2020, 1}}));
    PartnerDataset b = new PartnerDataset("b", rows(new int[][] {{2019, 1}, {2021, 0}}));
    MergedDataset m = MergedDataset.of(List.of(a, b), List.of(
        List.of(new MergedDataset.RowRef("a", 1), new MergedDataset.RowRef("b", 0)),
        List.of(new MergedDataset.RowRef("a", 2), new MergedDataset.RowRef("b", 1))));
    Dataset d = m.dataset();
    assertEquals(3, d.rowCount(), "5 rows, 2 matched pairs: 3 people");
    int gender = d.column("gender");
    int year = d.column("yearOfRegistration");
    assertEquals(2018, d.intValue(0, year));
    // row a1 had no gender: b0's is taken; the years agree
    assertEquals(1, d.code(1, gender));
    assertEquals(List.of(new MergedDataset.RowRef("a", 1), new MergedDataset.RowRef("b", 0)), m.sources(1));
    // a2 and b1 disagree on year and gender: a's (first in pooling order) are kept, both conflicts counted
    assertEquals(2020, d.intValue(2, year));
    assertEquals(1, d.code(2, gender));
    assertEquals(Map.of("gender", 1L, "yearOfRegistration", 1L), m.conflicts());
    assertEquals(List.of(new MergedDataset.RowRef("a", 0)), m.sources(0));
    assertEquals("a", m.partnerOf(2));
    assertEquals(3, m.rowsOf("a"));
    assertEquals(0, m.rowsOf("b"));
    assertEquals(Optional.of(MissingReason.UNKNOWN), d.missingReason(0, d.column("citizenship")));
  }

  @Test
  void issue18_theGroupsAreChecked() {
    PartnerDataset a = new PartnerDataset("a", rows(new int[][] {{2018, 0}}));
    PartnerDataset b = new PartnerDataset("b", rows(new int[][] {{2019, 1}}));
    CtdcException e = assertThrows(CtdcException.class, () -> MergedDataset.of(List.of(a, b),
        List.of(List.of(new MergedDataset.RowRef("a", 0), new MergedDataset.RowRef("b", 3)))));
    assertEquals("cannot merge: a match names row 4 of partner 'b', which has 1 rows", e.getMessage());
    assertThrows(CtdcException.class, () -> MergedDataset.of(List.of(a, b), List.of(
        List.of(new MergedDataset.RowRef("a", 0), new MergedDataset.RowRef("b", 0)),
        List.of(new MergedDataset.RowRef("a", 0), new MergedDataset.RowRef("b", 0)))));
    assertThrows(CtdcException.class, () -> MergedDataset.of(List.of(a, b),
        List.of(List.of(new MergedDataset.RowRef("c", 0), new MergedDataset.RowRef("b", 0)))));
    assertThrows(IllegalArgumentException.class, () -> MergedDataset.of(List.of(a, b),
        List.of(List.of(new MergedDataset.RowRef("a", 0)))));
    // no groups: the plain pooling
    MergedDataset plain = MergedDataset.of(List.of(a, b), List.of());
    assertEquals(2, plain.dataset().rowCount());
    assertEquals(List.of(new MergedDataset.RowRef("b", 0)), plain.sources(1));
  }
}
