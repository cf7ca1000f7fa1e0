package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctdc.deid.table.TablesTestData.Rec;
import org.ctdc.schema.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CTDC's denominator rule for flag groups: a person with no flag of the group set is left out of the
 * group's denominator (and so of every table of the group), on a hand-made dataset.
 */
class FlagGroupTabulationTest {
  @TempDir Path dir;

  // group {fl1, fl2}; fl3 is outside the group
  static final List<Rec> RECS = List.of(
      new Rec("A1", "F", 1, 1, 0, 0, "1"), // 1: in (fl1)
      new Rec("A1", "M", 1, 0, 1, 0, "2"), // 2: in (fl2)
      new Rec("A2", "F", 1, 1, 1, 0, "3"), // 3: in (both)
      new Rec("A2", "F", 1, 0, 0, 0, "4"), // 4: out: no flag of the group
      new Rec("B1", "M", 1, 0, 0, 1, "5"), // 5: out: only fl3, which is not in the group
      new Rec("B1", "F", 1, null, 1, 0, "6"), // 6: in (fl2); fl1 unknown: left out of fl1's table only
      new Rec("B2", "M", 1, null, null, 1, "7"), // 7: out: no flag of the group set (unknowns are not set)
      new Rec(null, "F", 1, 1, 0, 0, "8")); // 8: in the denominator, but no region: left out of the tables

  static final Dimension REGION = Dimension.hierarchical("region", "Total",
      Map.of("Total", List.of("A", "B"), "A", List.of("A1", "A2"), "B", List.of("B1", "B2")));

  @Test
  void denominatorHoldsExactlyThePeopleWithAtLeastOneFlagOfTheGroup() {
    Dataset data = TablesTestData.dataset(RECS);
    assertArrayEquals(new boolean[] {true, true, true, false, false, true, false, true},
        Tabulation.flagGroupDenominator(data, List.of("fl1", "fl2")));
    assertArrayEquals(new boolean[] {true, true, true, false, true, true, true, true},
        Tabulation.flagGroupDenominator(data, List.of("fl1", "fl2", "fl3")));
  }

  @Test
  void eachFlagTableCountsOnlyTheDenominatorAndLeavesTheRestOut() {
    Dataset data = TablesTestData.dataset(RECS);
    boolean[] denom = Tabulation.flagGroupDenominator(data, List.of("fl1", "fl2"));
    List<TableDefinition> defs = Tabulation.flagGroup("grp", List.of("fl1", "fl2"), List.of(REGION));
    assertEquals(List.of("grp.fl1", "grp.fl2"), defs.stream().map(TableDefinition::name).toList());

    Tabulation.Result f1 = Tabulation.tabulate(data, defs.get(0), List.of("fl1", "region"), Map.of(),
        Optional.empty(), Optional.of(denom));
    Table t1 = f1.table();
    assertEquals(1, t1.value("1", "A1"));
    assertEquals(1, t1.value("1", "A2"));
    assertEquals(0, t1.value("1", "B"));
    assertEquals(1, t1.value("0", "A1"));
    assertEquals(0, t1.value("0", "A2"), "record 4 has no flag of the group: not a 'no' for fl1");
    assertEquals(0, t1.value("Total", "B1"), "record 5 (fl3 only) is out; record 6 has fl1 unknown");
    assertEquals(3, t1.value("Total", "Total"));
    assertEquals(8, f1.rowsRead());
    assertEquals(5, f1.rowsLeftOut());
    int[] cellOfRow = f1.cellOfRow();
    boolean[] counted = new boolean[cellOfRow.length];
    for (int i = 0; i < counted.length; i++) {
      counted[i] = cellOfRow[i] >= 0;
    }
    assertArrayEquals(new boolean[] {true, true, true, false, false, false, false, false}, counted,
        "records 1, 2, 3 counted; the rest left out");

    Tabulation.Result f2 = Tabulation.tabulate(data, defs.get(1), List.of("fl2", "region"), Map.of(),
        Optional.empty(), Optional.of(denom));
    Table t2 = f2.table();
    assertEquals(1, t2.value("1", "A1"));
    assertEquals(1, t2.value("1", "A2"));
    assertEquals(1, t2.value("1", "B1"));
    assertEquals(1, t2.value("0", "A1"));
    assertEquals(0, t2.value("0", "A2"));
    assertEquals(0, t2.value("Total", "B2"), "record 7: both flags unknown, out of the denominator");
    assertEquals(4, t2.value("Total", "Total"));
    assertEquals(4, f2.rowsLeftOut());
  }

  @Test
  void tablesRunWritesTheFlagGroupTablesUnderTheDenominatorRule() throws Exception {
    String yaml = "tablesConfig: 1\nschema: tables-test\nmethod: round-to-base\nbase: 1\n"
        + TablesTestData.DIMENSIONS + "tables:\n  - name: grp\n    dimensions: [region]\n    flagGroup: [fl1, fl2]\n";
    TablesRun.Outcome o = TablesRun.of(TablesConfig.parse(yaml, "g.yaml", dir), dir.resolve("out")).run(TablesTestData.dataset(RECS));
    assertEquals(Map.of("grp.fl1", 5, "grp.fl2", 4), o.rowsLeftOut());
    String fl1 = Files.readString(dir.resolve("out/grp.fl1.csv"));
    assertTrue(fl1.startsWith("fl1,region,value,status\nTotal,Total,3,publishable\n"), fl1);
    assertTrue(fl1.contains("\n1,A,2,publishable\n") && fl1.contains("\n0,A2,0,empty\n"), fl1);
    String fl2 = Files.readString(dir.resolve("out/grp.fl2.csv"));
    assertTrue(fl2.startsWith("fl2,region,value,status\nTotal,Total,4,publishable\n"), fl2);
    assertTrue(fl2.contains("\n1,B,1,publishable\n") && fl2.contains("\nTotal,B2,0,empty\n"), fl2);
  }

  @Test
  void aVariableThatIsNotAFlagCannotBeInAGroup() {
    Dataset data = TablesTestData.dataset(RECS);
    TableException e = assertThrows(TableException.class,
        () -> Tabulation.flagGroupDenominator(data, List.of("fl1", "sex")));
    assertTrue(e.getMessage().contains("'sex' is not a flag variable"), e.getMessage());
  }
}
