package org.ctdc.deid.risk;

import org.ctdc.deid.transform.LocalSuppression;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.ctdc.samples.CtdcLikeData;
import org.ctdc.deid.verify.VerificationResult;
import org.ctdc.deid.verify.VerificationSpec;
import org.ctdc.deid.verify.Verifier;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LocalSuppressionTest {

  static LongStream seeds() {
    return LongStream.range(0, 150);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void alwaysReachesKUnderTheWildcardRuleAndOnlyBlanksQuasiIdentifiers(long seed) {
    RandomData d = new RandomData(seed, 150, 5);
    int n = d.data.rowCount();
    int k = 1 + (int) (seed % 6);
    if (n < k) {
      assertThrows(RiskException.class, () -> LocalSuppression.of(d.qis, k).apply(d.data));
      return;
    }
    LocalSuppression.Result res = LocalSuppression.of(d.qis, k).apply(d.data);
    Dataset out = res.dataset();
    int[] fk = RandomData.naiveFk(d, out, true);
    for (int r = 0; r < n; r++) {
      assertTrue(fk[r] >= k, "row " + r + " has " + fk[r] + " compatible records, k = " + k);
    }
    long changed = 0;
    for (int c = 0; c < out.columnCount(); c++) {
      String name = out.variable(c).name();
      long perColumn = 0;
      for (int r = 0; r < n; r++) {
        boolean same = d.data.isMissing(r, c) == out.isMissing(r, c)
            && d.data.missingReason(r, c).equals(out.missingReason(r, c))
            && (d.data.isMissing(r, c) || d.data.token(r, c).equals(out.token(r, c)));
        if (!same) {
          assertTrue(d.qis.contains(name), "non-QI " + name + " changed");
          assertEquals(MissingReason.SUPPRESSED, out.missingReason(r, c).orElseThrow());
          perColumn++;
        }
      }
      if (d.qis.contains(name)) {
        assertEquals(perColumn, res.suppressedCells().get(name), name);
      }
      changed += perColumn;
    }
    assertEquals(changed, res.totalSuppressedCells());
    // the independent verifier agrees
    VerificationResult v = Verifier.verify(out,
        VerificationSpec.builder().quasiIdentifiers(d.qis).k(k).missingAsWildcard(true).build());
    assertTrue(v.passed(), v.summary());
    // already k-anonymous data is left alone
    LocalSuppression.Result again = LocalSuppression.of(d.qis, k).apply(out);
    assertEquals(0, again.totalSuppressedCells());
    assertEquals(out, again.dataset());
  }

  @Test
  void blanksTheLeastImportantDifferingVariable() {
    // four records (a,x,p) and one (a,y,q): the nearest differ on both q1 and q2; q1 has fewer categories
    List<String> names = List.of("q0", "q1", "q2");
    Dataset d = org.ctdc.deid.verify.TestReleases.of(names,
        new String[] {"a", "x", "p"}, new String[] {"a", "x", "p"}, new String[] {"a", "x", "p"},
        new String[] {"a", "x", "r"}, new String[] {"a", "y", "q"});
    LocalSuppression.Result res = LocalSuppression.of(names, 2).apply(d);
    // q2 has 3 categories, q1 2, q0 1: q2 is least important. (a,y,q) -> blank q2 -> (a,y,*): no neighbour yet,
    // then q1 -> (a,*,*) compatible with all; (a,x,r) -> blank q2 -> (a,x,*) compatible with (a,x,p) x3
    // q2 has 3 categories, q1 2, q0 1: q2 is least important. (a,y,q) comes first (smaller key); its
    // nearest records differ on q1 and q2 -> blank q2 -> (a,y,*), still alone -> the nearest now differ on
    // q1 only -> (a,*,*), compatible with all; (a,x,r) then has 2 compatible records and is left alone
    assertEquals(Map.of("q0", 0L, "q1", 1L, "q2", 1L), res.suppressedCells());
    assertEquals(List.of("q0", "q1", "q2"), res.importanceOrder());
    Dataset out = res.dataset();
    assertEquals(MissingReason.SUPPRESSED, out.missingReason(4, 1).orElseThrow());
    assertEquals(MissingReason.SUPPRESSED, out.missingReason(4, 2).orElseThrow());
    assertEquals("r", out.token(3, 2));
  }

  @Test
  void theImportanceOrderDecidesWhichDifferingVariableIsBlanked() {
    List<String> names = List.of("q1", "q2");
    Dataset d = org.ctdc.deid.verify.TestReleases.of(names,
        new String[] {"x", "p"}, new String[] {"x", "p"}, new String[] {"y", "q"}, new String[] {"y", "q"},
        new String[] {"x", "q"});
    // (x,q) differs from (x,p) on q2 and from (y,q) on q1; equal category counts: q2 is least important
    LocalSuppression.Result byDefault = LocalSuppression.of(names, 2).apply(d);
    assertEquals(Map.of("q1", 0L, "q2", 1L), byDefault.suppressedCells());
    LocalSuppression.Result custom = LocalSuppression.builder(names, 2).importance(List.of("q2", "q1")).build().apply(d);
    assertEquals(Map.of("q1", 1L, "q2", 0L), custom.suppressedCells());
    assertEquals(List.of("q2", "q1"), custom.importanceOrder());
    assertEquals("q", custom.dataset().token(4, 1));
  }

  @Test
  void reachesKElevenOnCtdcLikeDataAsTheVerifierChecks() {
    Dataset data = CtdcLikeData.generate(4_000, 3);
    List<String> qis = CtdcLikeData.defaultQuasiIdentifiers();
    LocalSuppression.Result res = LocalSuppression.of(qis, 11).apply(data);
    VerificationResult v = Verifier.verify(res.dataset(),
        VerificationSpec.builder().quasiIdentifiers(qis).k(11).missingAsWildcard(true).build());
    assertTrue(v.passed(), v.summary());
    assertTrue(res.totalSuppressedCells() > 0);
    RiskReport after = RiskMeasures.of(res.dataset(), qis, RiskOptions.defaults().withMissingAsWildcard(true));
    assertEquals(0, after.recordsInSmallClasses());
    assertEquals(LocalSuppression.of(qis, 11).apply(data).dataset(), res.dataset());
  }
}
