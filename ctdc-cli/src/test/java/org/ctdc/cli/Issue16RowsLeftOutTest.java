package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.TableDefinition;
import org.ctdc.deid.table.Tabulation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: why rows were left out of a table, on a hand-made dataset with one row per reason, checked
 * against the rows the library's tabulation left out.
 */
class Issue16RowsLeftOutTest {

  static final Schema SCHEMA = Schema.builder("left-out-test", "1")
      .add(Variable.builder("country", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("AA", "BB", "ZZ")).build())
      .add(Variable.builder("fl1", VariableKind.FLAG).build())
      .add(Variable.builder("fl2", VariableKind.FLAG).build())
      .build();

  /** A cell: a code index, or a missing reason. */
  private static void cell(Dataset.Appender a, int col, Object v) {
    if (v instanceof MissingReason r) {
      a.setMissing(col, r);
    } else {
      a.setCode(col, (Integer) v);
    }
  }

  static Dataset data() {
    Object nc = MissingReason.NOT_COLLECTED;
    Object unknown = MissingReason.UNKNOWN;
    Object[][] rows = {
      {0, 1, 0}, // counted
      {1, 0, 1}, // counted
      {0, 0, 0}, // no flag of the group set
      {0, 0, 0}, // no flag of the group set
      {0, unknown, nc}, // fl2 not collected by the source, named before fl1's unknown
      {0, 1, nc}, // fl2 not collected
      {0, unknown, 1}, // fl1 unknown
      {unknown, 1, 0}, // country unknown
      {2, 1, 1}, // ZZ is not a leaf of the region dimension
      {MissingReason.NOT_APPLICABLE, 0, 1}, // country not applicable
    };
    Dataset.Appender a = Dataset.appender(SCHEMA);
    for (Object[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        cell(a, c, row[c]);
      }
      a.endRow();
    }
    return a.build();
  }

  @Test
  void issue16_everyRowLeftOutIsCountedOnceWithItsReason() {
    Dataset data = data();
    List<String> flags = List.of("fl1", "fl2");
    boolean[] denominator = Tabulation.flagGroupDenominator(data, flags);
    for (int row = 0; row < denominator.length; row++) {
      for (String f : flags) {
        denominator[row] &= !data.isMissing(row, data.column(f));
      }
    }
    Dimension region = Dimension.flat("region", "Total", List.of("A", "B"));
    List<TableDefinition> group = Tabulation.flagGroup("t", flags, List.of(region));
    Map<String, Map<String, String>> leaves = Map.of("region", Map.of("AA", "A", "BB", "B"));
    List<String> variables = List.of("fl1", "country");
    Tabulation.Result r = Tabulation.tabulate(data, group.get(0), variables, leaves, Optional.empty(),
        Optional.of(denominator));
    assertEquals(8, r.rowsLeftOut());
    List<RowsLeftOut.Count> why = RowsLeftOut.count(data, r, group.get(0), variables, leaves, flags);
    assertEquals(List.of(
        new RowsLeftOut.Count("noFlagOfGroupSet", Optional.empty(), 2),
        new RowsLeftOut.Count("notCollected", Optional.of("fl2"), 2),
        new RowsLeftOut.Count("notALeaf", Optional.of("country"), 1),
        new RowsLeftOut.Count("notApplicable", Optional.of("country"), 1),
        new RowsLeftOut.Count("unknown", Optional.of("country"), 1),
        new RowsLeftOut.Count("unknown", Optional.of("fl1"), 1)), why);
    assertEquals(r.rowsLeftOut(), why.stream().mapToInt(RowsLeftOut.Count::rows).sum());
    assertEquals("2: fl2 not collected by the row's source", RowsLeftOut.words("notCollected", Optional.of("fl2"), 2));
  }

  @Test
  void issue16_withoutAFlagGroupOnlyTheDimensionsDecide() {
    Dataset data = data();
    Dimension region = Dimension.flat("region", "Total", List.of("A", "B"));
    TableDefinition def = TableDefinition.of("by-region", List.of(region));
    Map<String, Map<String, String>> leaves = Map.of("region", Map.of("AA", "A", "BB", "B"));
    Tabulation.Result r = Tabulation.tabulate(data, def, List.of("country"), leaves, Optional.empty(), Optional.empty());
    assertEquals(List.of(
        new RowsLeftOut.Count("notALeaf", Optional.of("country"), 1),
        new RowsLeftOut.Count("notApplicable", Optional.of("country"), 1),
        new RowsLeftOut.Count("unknown", Optional.of("country"), 1)),
        RowsLeftOut.count(data, r, def, List.of("country"), leaves, List.of()));
    assertEquals(3, r.rowsLeftOut());
  }
}
