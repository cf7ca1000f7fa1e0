package org.ctdc.deid.risk;

import org.ctdc.deid.transform.LocalSuppression;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RiskMeasuresTest {

  static LongStream seeds() {
    return LongStream.range(0, 120);
  }

  /** sdcMicro indivRisk, method approx, written out from its definition. */
  static double bf(int fk, double bigFk) {
    if (fk == bigFk || bigFk < fk) {
      return 1.0 / fk;
    }
    double p = fk / bigFk;
    switch (fk) {
      case 1:
        return (p / (1 - p)) * Math.log(1 / p);
      case 2:
        return (p / (1 - p)) - Math.pow(p / (1 - p), 2) * Math.log(1 / p);
      default:
        return p / (fk - (1 - p));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void equalNaiveComputationsOnRandomData(long seed) {
    RandomData d = new RandomData(seed, 120, 4);
    int n = d.data.rowCount();
    for (boolean wildcard : new boolean[] {false, true}) {
      RiskOptions opt = RiskOptions.defaults().withSmallClassThreshold(3).withRiskThreshold(0.3)
          .withMissingAsWildcard(wildcard).withWeightColumn("w");
      RiskReport rep = RiskMeasures.of(d.data, d.qis, opt);
      int[][] rows = new int[n][];
      for (int r = 0; r < n; r++) {
        rows[r] = d.row(r);
      }
      int wcol = d.data.column("w");
      long uniques = 0;
      long small = 0;
      long above = 0;
      double max = 0;
      double sum = 0;
      double expected = 0;
      for (int r = 0; r < n; r++) {
        int fk = 0;
        double bigFk = 0;
        for (int s = 0; s < n; s++) {
          if (RandomData.compatible(rows[r], rows[s], wildcard)) {
            fk++;
            bigFk += d.data.intValue(s, wcol);
          }
        }
        assertEquals(fk, rep.fk(r), "fk row " + r);
        assertEquals(bigFk, rep.Fk(r), 1e-9, "Fk row " + r);
        assertEquals(bf(fk, bigFk), rep.individualRisk(r), 1e-12);
        uniques += fk == 1 ? 1 : 0;
        small += fk < 3 ? 1 : 0;
        above += 1.0 / fk > 0.3 ? 1 : 0;
        max = Math.max(max, 1.0 / fk);
        sum += 1.0 / fk;
        expected += bf(fk, bigFk);
      }
      assertEquals(uniques, rep.sampleUniques());
      assertEquals(small, rep.recordsInSmallClasses());
      assertEquals(above, rep.recordsAboveRiskThreshold());
      assertEquals(max, rep.maxProsecutorRisk(), 1e-12);
      assertEquals(sum / n, rep.averageProsecutorRisk(), 1e-12);
      assertEquals(expected, rep.expectedReidentifications(), 1e-9);
      assertEquals(expected / n, rep.globalRisk(), 1e-12);
      // histogram over exact combinations
      TreeMap<Integer, Long> hist = new TreeMap<>();
      boolean[] seen = new boolean[n];
      for (int r = 0; r < n; r++) {
        if (seen[r]) {
          continue;
        }
        int size = 0;
        for (int s = r; s < n; s++) {
          if (!seen[s] && RandomData.compatible(rows[r], rows[s], false)) {
            seen[s] = true;
            size++;
          }
        }
        hist.merge(size, 1L, Long::sum);
      }
      assertEquals(hist, rep.classSizeHistogram());
      assertEquals(hist.values().stream().mapToLong(Long::longValue).sum(), rep.classes());
    }
  }

  @Test
  void withoutWeightsFkEqualsFkAndIndividualRiskIsOneOverFk() {
    RandomData d = new RandomData(5, 200, 3);
    RiskReport rep = RiskMeasures.of(d.data, d.qis, RiskOptions.defaults());
    for (int r = 0; r < d.data.rowCount(); r++) {
      assertEquals(rep.fk(r), rep.Fk(r));
      assertEquals(1.0 / rep.fk(r), rep.individualRisk(r));
    }
  }

  @Test
  void jsonHoldsAggregatesOnly() throws Exception {
    RandomData d = new RandomData(11, 300, 3);
    RiskReport rep = RiskMeasures.of(d.data, d.qis, RiskOptions.defaults().withWeightColumn("w"));
    JsonNode json = new ObjectMapper().readTree(rep.toJson());
    assertEquals(d.data.rowCount(), json.get("rows").asInt());
    assertEquals(rep.sampleUniques(), json.get("sampleUniques").asLong());
    assertEquals(rep.globalRisk(), json.get("globalRisk").asDouble(), 1e-15);
    json.fields().forEachRemaining(e -> assertFalse(e.getValue().isArray() && e.getValue().size() == d.data.rowCount()
        && !e.getKey().equals("quasiIdentifiers"), e.getKey()));
    assertFalse(rep.toJson().contains("\"fk\""));
  }

  @Test
  void anEmptyDatasetHasNoRiskAndNeedsNoSuppression() {
    org.ctdc.schema.Dataset empty = org.ctdc.samples.CtdcLikeData.generate(0, 1);
    List<String> qis = org.ctdc.samples.CtdcLikeData.defaultQuasiIdentifiers();
    RiskReport rep = RiskMeasures.of(empty, qis, RiskOptions.defaults().withMissingAsWildcard(true));
    assertEquals(0, rep.rows());
    assertEquals(0, rep.classes());
    assertEquals(0.0, rep.globalRisk());
    assertEquals(0, LocalSuppression.of(qis, 11).apply(empty).totalSuppressedCells());
  }

  @Test
  void unusableInputIsRejectedNamingTheVariable() {
    RandomData d = new RandomData(3, 50, 2);
    RiskException text = assertThrows(RiskException.class,
        () -> RiskMeasures.of(d.data, List.of("note"), RiskOptions.defaults()));
    assertTrue(text.getMessage().contains("'note'"));
    assertThrows(RiskException.class, () -> RiskMeasures.of(d.data, List.of("nope"), RiskOptions.defaults()));
    assertThrows(RiskException.class,
        () -> RiskMeasures.of(d.data, d.qis, RiskOptions.defaults().withWeightColumn("q0")));
  }
}
