package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 22: the plan over a frequency table says which combinations are released, so a cluster can apply
 * it to its records: the records of the released combinations are exactly those the single-machine run
 * releases, at the same levels, with the same report as {@link Deidentifier#plan(FrequencyTable)}.
 */
class Issue22TablePlanTest {

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void issue22_theTablePlanReleasesTheRecordsTheRunReleases(long seed) {
    Issue16FrequencyTableTest.Problem p = Issue16FrequencyTableTest.problem(seed);
    Dataset whole = p.dataset(p.rows());
    FrequencyTable table = FrequencyTable.of(whole, p.config());
    Deidentifier deid = Deidentifier.of(p.config());
    DeidResult run;
    try {
      run = deid.run(whole);
    } catch (UnsatisfiableModelException e) {
      assertThrows(UnsatisfiableModelException.class, () -> deid.planTable(table));
      return;
    }
    TablePlan plan = deid.planTable(table);
    assertEquals(Issue16FrequencyTableTest.untimed(deid.plan(table)), Issue16FrequencyTableTest.untimed(plan.report()),
        "seed " + seed);
    assertEquals(run.levels(), plan.levels(), "seed " + seed);
    assertEquals(table.size(), plan.combinations());

    // each record's combination, by the codes the builder gives its values
    FrequencyTable.Builder codes = FrequencyTable.builder(whole.schema(), p.config());
    Map<List<Integer>, Integer> index = new LinkedHashMap<>();
    int m = p.m();
    for (int c = 0; c < table.size(); c++) {
      Integer[] key = new Integer[m];
      for (int i = 0; i < m; i++) {
        key[i] = table.code(c, i);
      }
      index.put(List.of(key), c);
    }
    long released = 0;
    for (int r = 0; r < whole.rowCount(); r++) {
      Integer[] key = new Integer[m];
      for (int i = 0; i < m; i++) {
        String q = "q" + i;
        int col = whole.column(q);
        key[i] = whole.isMissing(r, col)
            ? codes.missingCode(q, whole.missingReason(r, col).orElse(MissingReason.UNKNOWN))
            : codes.code(q, whole.token(r, col));
      }
      if (plan.released(index.get(List.of(key)))) {
        released++;
      }
    }
    assertEquals(run.release().rowCount(), released, "seed " + seed);
    assertEquals(run.report().releasedRecords(), plan.report().releasedRecords(), "seed " + seed);
  }
}
