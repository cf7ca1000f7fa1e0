package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The facts the search reports for its chosen node (every metric, suppressed records, classes, smallest
 * class), computed by hand on the 7-record example, and the node budget's effect on the result.
 */
class ChosenNodeFactsTest {

  /** The 7-record example's quasi-identifiers and hierarchies with k as the only model. */
  private static DeidConfig.Builder config(int k) {
    DeidConfig base = SevenRecordExampleTest.config().build();
    DeidConfig.Builder b = DeidConfig.builder();
    for (int i = 0; i < base.quasiIdentifiers().size(); i++) {
      b.quasiIdentifier(base.quasiIdentifiers().get(i), base.hierarchies().get(i));
    }
    return b.k(k);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /**
   * Node (age 1, gender 0, zip 5) with k = 2: classes (&lt;50, male) = {34m, 45m}, (&lt;50, female) =
   * {45f, 34f}, (&gt;=50, male) = {66m, 70m}, (&gt;=50, female) = {70f}; the last one is suppressed.
   */
  @ParameterizedTest
  @EnumSource(Metric.class)
  void everyMetricOfAPinnedNodeMatchesTheHandComputation(Metric searched) {
    DeidConfig cfg = config(2)
        .suppressionLimit(0.15).metric(searched)
        .levels("age", 1, 1).levels("gender", 0, 0).levels("zipcode", 5, 5)
        .build();
    DeidReport r = Deidentifier.of(cfg).run(SevenRecordExampleTest.data()).report();
    assertEquals(List.of(1, 0, 5), r.quasiIdentifiers().stream().map(DeidReport.QiLevel::level).toList());
    assertEquals(1, r.latticeSize());
    assertEquals(1, r.maxSuppressed());
    assertEquals(1, r.recordsSuppressed());
    assertEquals(6, r.releasedRecords());
    assertEquals(3, r.classes());
    assertEquals(2, r.smallestClass());
    // precision: (1/2 + 0/1 + 5/5) / 3
    assertEquals(0.5, r.metrics().get("PRECISION"), 1e-12);
    // discernibility: 3 kept classes of 2, one suppressed record charged n = 7
    assertEquals(4 + 4 + 4 + 7, r.metrics().get("DISCERNIBILITY"), 1e-12);
    // average class size: (7 - 1) released records in 3 classes
    assertEquals(2.0, r.metrics().get("AVERAGE_CLASS_SIZE"), 1e-12);
    // loss: kept records lose 1/3 (age group of 2 of 4 leaves) + 0 + 1 (zip at the top), the suppressed
    // record loses 1 per quasi-identifier
    assertEquals((6 * (1.0 / 3 + 1) + 3) / 21, r.metrics().get("LOSS"), 1e-12);
    // non-uniform entropy: log2(generalised frequency / original frequency) per kept cell, log2(n / original
    // frequency) per cell of the suppressed record
    double age = 4 * log2(4.0 / 2) + log2(3.0 / 1) + log2(3.0 / 2);
    double zip = 3 * log2(7.0 / 1) + 3 * log2(7.0 / 4);
    double suppressed = log2(7.0 / 2) + log2(7.0 / 3) + log2(7.0 / 4);
    assertEquals(age + zip + suppressed, r.metrics().get("NON_UNIFORM_ENTROPY"), 1e-9);
  }

  /** The top node (every value generalised to '*') with nothing suppressed: one class of 7. */
  @Test
  void topNodeFactsAreOneClassOfEveryRecord() {
    DeidConfig cfg = SevenRecordExampleTest.config()
        .levels("age", 2, 2).levels("gender", 1, 1).levels("zipcode", 5, 5).metric(Metric.LOSS).build();
    DeidReport r = Deidentifier.of(cfg).run(SevenRecordExampleTest.data()).report();
    assertEquals(0, r.recordsSuppressed());
    assertEquals(1, r.classes());
    assertEquals(7, r.smallestClass());
    assertEquals(1.0, r.metrics().get("PRECISION"), 1e-12);
    assertEquals(49, r.metrics().get("DISCERNIBILITY"), 1e-12);
    assertEquals(7.0, r.metrics().get("AVERAGE_CLASS_SIZE"), 1e-12);
    assertEquals(1.0, r.metrics().get("LOSS"), 1e-12);
  }

  /**
   * Every record suppressed at the bottom node (all 7 distinct, k = 2, limit 1): no class is released, the
   * average class size falls back to n and discernibility charges n per record.
   */
  @Test
  void bottomNodeWithEveryRecordSuppressed() {
    DeidConfig cfg = config(2).suppressionLimit(1.0)
        .levels("age", 0, 0).levels("gender", 0, 0).levels("zipcode", 0, 0).metric(Metric.DISCERNIBILITY).build();
    DeidReport r = Deidentifier.of(cfg).plan(SevenRecordExampleTest.data());
    assertEquals(7, r.recordsSuppressed());
    assertEquals(0, r.classes());
    assertEquals(0, r.smallestClass());
    assertEquals(49, r.metrics().get("DISCERNIBILITY"), 1e-12);
    assertEquals(7.0, r.metrics().get("AVERAGE_CLASS_SIZE"), 1e-12);
    assertEquals(1.0, r.metrics().get("LOSS"), 1e-12);
    assertEquals(0.0, r.metrics().get("PRECISION"), 1e-12);
  }

  /** k equal to the size of the smallest class at a node: that class is kept (k-anonymity is >=). */
  @Test
  void classOfExactlyKRecordsIsReleased() {
    DeidConfig cfg = config(3).suppressionLimit(0)
        .levels("age", 2, 2).levels("gender", 0, 0).levels("zipcode", 5, 5).build();
    DeidReport r = Deidentifier.of(cfg).plan(SevenRecordExampleTest.data());
    // (*, female, *) has exactly 3 records
    assertEquals(0, r.recordsSuppressed());
    assertEquals(2, r.classes());
    assertEquals(3, r.smallestClass());
    // k = 4 makes the female class of 3 too small, and a limit of 0 leaves no feasible node
    DeidConfig tooBig = config(4).suppressionLimit(0)
        .levels("age", 2, 2).levels("gender", 0, 0).levels("zipcode", 5, 5).build();
    assertThrows(UnsatisfiableModelException.class,
        () -> Deidentifier.of(tooBig).plan(SevenRecordExampleTest.data()));
  }

  @ParameterizedTest
  @EnumSource(Metric.class)
  void aBudgetOfExactlyTheEvaluationsNeededStillProvesTheOptimum(Metric metric) {
    DeidReport free = Deidentifier.of(SevenRecordExampleTest.config().metric(metric).build()).plan(SevenRecordExampleTest.data());
    assertTrue(free.optimal());
    long needed = free.nodesEvaluated();
    assertTrue(needed > 1, "the example needs several evaluations");
    DeidReport exact = Deidentifier.of(SevenRecordExampleTest.config().metric(metric).nodeBudget(needed).build()).plan(SevenRecordExampleTest.data());
    assertTrue(exact.optimal());
    assertEquals(levels(free), levels(exact));
    assertEquals(needed, exact.nodesEvaluated());
    DeidReport shortBy1 = Deidentifier.of(SevenRecordExampleTest.config().metric(metric).nodeBudget(needed - 1).build()).plan(SevenRecordExampleTest.data());
    assertFalse(shortBy1.optimal());
    assertTrue(shortBy1.nodesEvaluated() >= needed - 1);
  }

  /**
   * With a budget of one evaluation the classification stops before any node is selected; the search falls
   * back to the top node, which is feasible, and says the result is not proven optimal.
   */
  @Test
  void aBudgetOfOneFallsBackToTheFeasibleTopNode() {
    DeidResult r = Deidentifier.of(SevenRecordExampleTest.config().nodeBudget(1).build()).run(SevenRecordExampleTest.data());
    assertFalse(r.optimal());
    assertEquals(List.of(2, 1, 5), r.levels());
    assertEquals(7, r.release().rowCount());
    assertEquals(2, r.report().nodesEvaluated());
  }

  private static List<Integer> levels(DeidReport r) {
    return r.quasiIdentifiers().stream().map(DeidReport.QiLevel::level).toList();
  }
}
