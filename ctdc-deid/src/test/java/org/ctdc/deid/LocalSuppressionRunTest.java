package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.ctdc.deid.verify.VerificationResult;
import org.ctdc.deid.verify.VerificationSpec;
import org.ctdc.deid.verify.Verifier;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Local suppression as an option of the run, over seeded random datasets, hierarchies, k and limits: every
 * release keeps every record, passes the independent verifier under the specification the result gives
 * (which must be the wildcard rule), passes this test's own pairwise compatibility check, blanks exactly
 * the cells the report counts, and after generalisation touches at most the records record suppression
 * would have removed.
 */
class LocalSuppressionRunTest {

  record Problem(Dataset data, DeidConfig.Builder config, int k, List<String> qis) {}

  static Stream<Long> seeds() {
    return LongStream.range(1, 81).boxed();
  }

  static Problem problem(long seed) {
    Random rnd = new Random(seed);
    int m = 2 + rnd.nextInt(3);
    Schema.Builder sb = Schema.builder("random", "1");
    List<String> qis = new ArrayList<>();
    List<Hierarchy> hs = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      int d = 2 + rnd.nextInt(6);
      List<String> vals = new ArrayList<>();
      for (int v = 0; v < d; v++) {
        vals.add("q" + i + "v" + v);
      }
      sizes.add(d);
      sb.add(Variable.builder("q" + i, VariableKind.CATEGORICAL).values(ValueSet.ofCodes(vals.toArray(new String[0])))
          .build());
      qis.add("q" + i);
      hs.add(BruteForceOptimumTest.randomHierarchy(rnd, "q" + i, vals));
    }
    sb.add(Variable.builder("other", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("a", "b")).build());
    Schema schema = sb.build();
    int n = 10 + rnd.nextInt(110);
    boolean withMissing = rnd.nextInt(3) == 0;
    Dataset.Appender a = Dataset.appender(schema);
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < m; i++) {
        if (withMissing && rnd.nextInt(10) == 0) {
          a.setMissing(i, rnd.nextBoolean() ? MissingReason.UNKNOWN : MissingReason.NOT_COLLECTED);
        } else {
          int d = sizes.get(i);
          a.setCode(i, Math.min(rnd.nextInt(d), rnd.nextInt(d)));
        }
      }
      a.setCode(m, rnd.nextInt(2));
      a.endRow();
    }
    int k = 2 + rnd.nextInt(4);
    DeidConfig.Builder b = DeidConfig.builder();
    for (int i = 0; i < m; i++) {
      b.quasiIdentifier(qis.get(i), hs.get(i));
    }
    b.k(k).suppressionLimit(rnd.nextInt(4) * 0.05).metric(Metric.values()[rnd.nextInt(Metric.values().length)]);
    if (rnd.nextBoolean()) {
      List<String> order = new ArrayList<>(qis);
      java.util.Collections.shuffle(order, rnd);
      b.suppressionImportance(order);
    }
    return new Problem(a.build(), b, k, qis);
  }

  /** This test's own check: every record has at least k records equal or missing on every QI. */
  static void assertWildcardK(Dataset rel, List<String> qis, int k) {
    int n = rel.rowCount();
    String[][] v = new String[n][qis.size()];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < qis.size(); j++) {
        int c = rel.column(qis.get(j));
        v[r][j] = rel.isMissing(r, c) ? null : rel.token(r, c);
      }
    }
    for (int r = 0; r < n; r++) {
      int compatible = 0;
      for (int o = 0; o < n; o++) {
        boolean ok = true;
        for (int j = 0; j < qis.size() && ok; j++) {
          ok = v[r][j] == null || v[o][j] == null || v[r][j].equals(v[o][j]);
        }
        compatible += ok ? 1 : 0;
      }
      assertTrue(compatible >= k, "row " + r + " has " + compatible + " compatible records, k = " + k);
    }
  }

  static long suppressedCells(Dataset rel, List<String> qis) {
    long cells = 0;
    for (String q : qis) {
      int c = rel.column(q);
      for (int r = 0; r < rel.rowCount(); r++) {
        if (rel.missingReason(r, c).orElse(null) == MissingReason.SUPPRESSED) {
          cells++;
        }
      }
    }
    return cells;
  }

  static void check(Problem p, DeidResult res, LocalSuppressionMode mode) {
    Dataset rel = res.release();
    DeidReport rep = res.report();
    assertEquals(p.data().rowCount(), rel.rowCount(), "local suppression removes no record");
    assertEquals(0, rep.recordsSuppressed());
    assertEquals(mode, rep.localSuppression());
    VerificationSpec spec = res.verificationSpec();
    assertTrue(spec.missingAsWildcard(), "blanked cells are checked under the wildcard rule");
    assertEquals(p.k(), spec.k());
    VerificationResult v = Verifier.verify(rel, spec);
    assertTrue(v.passed(), () -> "verifier: " + v.violations());
    assertWildcardK(rel, p.qis(), p.k());
    assertEquals(suppressedCells(rel, p.qis()), rep.totalCellsSuppressed());
    assertEquals(p.qis(), List.copyOf(rep.cellsSuppressed().keySet()));
    assertTrue(rep.recordsWithSuppressedCells() <= rep.totalCellsSuppressed());
    assertTrue(rep.wildcardSmallestMatch() >= p.k());
    assertTrue(rep.riskAfter().isPresent() && rep.riskBefore().isPresent());
    assertTrue(rep.riskAfter().get().missingAsWildcard());
    assertTrue(rep.riskAfter().get().maxProsecutorRisk() <= 1.0 / p.k() + 1e-12);
    assertEquals(0, rep.riskAfter().get().recordsInSmallClasses());
    assertEquals(rep.riskAfter().get().maxProsecutorRisk(), rep.maxProsecutorRisk(), 1e-12);
    assertEquals(rep.riskAfter().get().averageProsecutorRisk(), rep.averageProsecutorRisk(), 1e-12);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void localSuppressionAloneReleasesLevelZeroAndPassesTheVerifier(long seed) {
    Problem p = problem(seed);
    DeidResult res = Deidentifier.of(p.config().localSuppression(LocalSuppressionMode.ALONE).build()).run(p.data());
    check(p, res, LocalSuppressionMode.ALONE);
    assertTrue(res.levels().stream().allMatch(l -> l == 0), "no generalisation");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void localSuppressionAfterGeneralisationKeepsTheOptimalNodeAndTouchesOnlyRecordsOverTheLimit(long seed) {
    Problem p = problem(seed);
    DeidResult plain;
    try {
      plain = Deidentifier.of(p.config().build()).run(p.data());
    } catch (UnsatisfiableModelException e) {
      assertThrows(UnsatisfiableModelException.class, () -> Deidentifier.of(p.config().localSuppression(LocalSuppressionMode.AFTER_GENERALISATION).build()).run(p.data()));
      return;
    }
    DeidResult res =
        Deidentifier.of(p.config().localSuppression(LocalSuppressionMode.AFTER_GENERALISATION).build()).run(p.data());
    check(p, res, LocalSuppressionMode.AFTER_GENERALISATION);
    assertEquals(plain.levels(), res.levels(), "the same optimal node");
    assertTrue(res.report().recordsWithSuppressedCells() <= plain.report().recordsSuppressed(),
        "only records that record suppression removes get blanked cells");
    assertTrue(res.report().recordsWithSuppressedCells() <= res.report().maxSuppressed());
    if (plain.report().recordsSuppressed() == 0) {
      assertEquals(0, res.report().totalCellsSuppressed());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void localSuppressionIsDeterministic(long seed) {
    if (seed > 20) {
      return;
    }
    Problem p = problem(seed);
    DeidConfig c = p.config().localSuppression(LocalSuppressionMode.ALONE).build();
    Dataset a = Deidentifier.of(c).run(p.data()).release();
    Dataset b = Deidentifier.of(c).run(p.data()).release();
    for (int r = 0; r < a.rowCount(); r++) {
      for (int col = 0; col < a.columnCount(); col++) {
        assertEquals(a.isMissing(r, col), b.isMissing(r, col));
        if (!a.isMissing(r, col)) {
          assertEquals(a.token(r, col), b.token(r, col));
        }
      }
    }
  }

  @Test
  void theSevenRecordExampleReachesKThreeByBlankingCellsWithoutGeneralisation() {
    DeidResult res = Deidentifier.of(SevenRecordExampleTest.config().localSuppression(LocalSuppressionMode.ALONE).build()).run(SevenRecordExampleTest.data());
    assertEquals(7, res.release().rowCount());
    assertTrue(res.report().totalCellsSuppressed() > 0);
    assertTrue(Verifier.verify(res.release(), res.verificationSpec()).passed());
    // the same release read with missing as a value of its own is not 3-anonymous: the rule matters
    VerificationSpec strict = VerificationSpec.builder().quasiIdentifiers(List.of("age", "gender", "zipcode")).k(3)
        .build();
    assertFalse(Verifier.verify(res.release(), strict).passed());
  }

  @Test
  void localSuppressionRefusesSensitiveModels() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> problem(1).config()
        .model(new PrivacyModel.DistinctLDiversity("other", 2))
        .localSuppression(LocalSuppressionMode.AFTER_GENERALISATION).build());
    assertTrue(e.getMessage().contains("k-anonymity only"), e.getMessage());
  }

  @Test
  void localSuppressionCannotReachAKLargerThanTheRecords() {
    assertThrows(UnsatisfiableModelException.class, () -> Deidentifier.of(SevenRecordExampleTest.config().k(8).localSuppression(LocalSuppressionMode.ALONE).build()).run(SevenRecordExampleTest.data()));
  }
}
