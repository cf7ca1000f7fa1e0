package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
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
 * Issue 16: the public frequency table, built from a dataset, merged from the tables of parts of it, or
 * given combination by combination, is what the search runs on: the search over the table merged from two
 * halves of random data finds the same node with the same report as the search over the whole data.
 */
class Issue16FrequencyTableTest {

  /** Random records: quasi-identifiers q0.., a categorical sensitive s and a count sensitive c. */
  record Problem(Schema schema, List<int[]> rows, DeidConfig config, int m) {
    Dataset dataset(List<int[]> which) {
      Dataset.Appender a = Dataset.appender(schema);
      for (int[] r : which) {
        for (int i = 0; i < m + 2; i++) {
          if (r[i] < 0) {
            a.setMissing(i, MissingReason.values()[-r[i] - 1]);
          } else if (i == m + 1) {
            a.setInt(i, r[i]);
          } else {
            a.setCode(i, r[i]);
          }
        }
        a.endRow();
      }
      return a.build();
    }
  }

  static Problem problem(long seed) {
    Random rnd = new Random(seed);
    int m = 2 + rnd.nextInt(3);
    Schema.Builder sb = Schema.builder("random", "1");
    DeidConfig.Builder cb = DeidConfig.builder();
    int[] domain = new int[m];
    for (int i = 0; i < m; i++) {
      domain[i] = 2 + rnd.nextInt(5);
      List<String> vals = new ArrayList<>();
      for (int v = 0; v < domain[i]; v++) {
        vals.add("q" + i + "v" + v);
      }
      sb.add(Variable.builder("q" + i, VariableKind.CATEGORICAL).values(ValueSet.ofCodes(vals.toArray(new String[0])))
          .build());
      cb.quasiIdentifier("q" + i, BruteForceOptimumTest.randomHierarchy(rnd, "q" + i, vals));
    }
    int sd = 2 + rnd.nextInt(3);
    List<String> svals = new ArrayList<>();
    for (int v = 0; v < sd; v++) {
      svals.add("s" + v);
    }
    sb.add(Variable.builder("s", VariableKind.CATEGORICAL).values(ValueSet.ofCodes(svals.toArray(new String[0])))
        .build());
    sb.add(Variable.builder("c", VariableKind.COUNT).build());
    int n = 20 + rnd.nextInt(120);
    boolean withMissing = rnd.nextInt(3) == 0;
    List<int[]> rows = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      int[] row = new int[m + 2];
      for (int i = 0; i < m; i++) {
        row[i] = withMissing && rnd.nextInt(12) == 0 ? -1 - rnd.nextInt(2)
            : Math.min(rnd.nextInt(domain[i]), rnd.nextInt(domain[i]));
      }
      row[m] = withMissing && rnd.nextInt(15) == 0 ? -1 : rnd.nextInt(sd);
      row[m + 1] = withMissing && rnd.nextInt(15) == 0 ? -1 : rnd.nextInt(1 + rnd.nextInt(12));
      rows.add(row);
    }
    cb.k(2 + rnd.nextInt(4));
    switch (rnd.nextInt(8)) {
      case 0 -> cb.model(new PrivacyModel.DistinctLDiversity("s", 2));
      case 1 -> cb.model(new PrivacyModel.EntropyLDiversity("c", 1.5));
      case 2 -> cb.model(new PrivacyModel.RecursiveClDiversity("s", 3, 2));
      case 3 -> cb.model(PrivacyModel.TCloseness.equalDistance("c", 0.2 + rnd.nextDouble() * 0.3));
      case 4 -> cb.model(PrivacyModel.TCloseness.hierarchical("s", 0.2 + rnd.nextDouble() * 0.3,
          BruteForceOptimumTest.randomHierarchy(rnd, "s", svals)));
      case 5 -> cb.model(new PrivacyModel.DistinctLDiversity("c", 2))
          .model(PrivacyModel.TCloseness.equalDistance("s", 0.4));
      default -> { }
    }
    double[] limits = {0, 0.05, 0.1, 0.3};
    cb.suppressionLimit(limits[rnd.nextInt(limits.length)])
        .metric(Metric.values()[rnd.nextInt(Metric.values().length)])
        .missingValues(rnd.nextBoolean() ? MissingValues.WILDCARD : MissingValues.OWN_VALUE);
    return new Problem(sb.build(), rows, cb.build(), m);
  }

  static LongStream seeds() {
    return LongStream.range(0, 80);
  }

  /** The report without its timing, which differs from run to run. */
  static String untimed(DeidReport r) {
    return r.toJson().replaceAll("\"elapsedMillis\"\\s*:\\s*\\d+", "");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void issue16_searchOverTheMergedTablesOfTwoHalvesIsTheSearchOverTheWhole(long seed) {
    Problem p = problem(seed);
    Random rnd = new Random(~seed);
    List<int[]> first = new ArrayList<>();
    List<int[]> second = new ArrayList<>();
    for (int[] r : p.rows()) {
      (rnd.nextBoolean() ? first : second).add(r);
    }
    Dataset whole = p.dataset(p.rows());
    FrequencyTable merged = FrequencyTable.merge(List.of(
        FrequencyTable.of(p.dataset(first), p.config()), FrequencyTable.of(p.dataset(second), p.config())));
    FrequencyTable direct = FrequencyTable.of(whole, p.config());
    assertEquals(direct, merged, "seed " + seed);
    assertEquals(whole.rowCount(), merged.records());
    assertDistributions(p, whole, merged);
    Deidentifier deid = Deidentifier.of(p.config());
    DeidReport expected;
    try {
      expected = deid.plan(whole);
    } catch (UnsatisfiableModelException e) {
      assertThrows(UnsatisfiableModelException.class, () -> deid.plan(merged));
      return;
    }
    assertEquals(untimed(expected), untimed(deid.plan(merged)), "seed " + seed);
  }

  /** Counts and sensitive distributions of every combination, recounted from the records. */
  static void assertDistributions(Problem p, Dataset d, FrequencyTable t) {
    java.util.Map<List<Integer>, Integer> index = new java.util.HashMap<>();
    for (int c = 0; c < t.size(); c++) {
      List<Integer> codes = new ArrayList<>();
      for (int i = 0; i < p.m(); i++) {
        codes.add(t.code(c, i));
      }
      index.put(codes, c);
    }
    List<String> sensitive = t.sensitiveVariables();
    long[] counts = new long[t.size()];
    List<List<java.util.Map<String, Long>>> expected = new ArrayList<>();
    for (int c = 0; c < t.size(); c++) {
      List<java.util.Map<String, Long>> perVariable = new ArrayList<>();
      sensitive.forEach(v -> perVariable.add(new java.util.HashMap<>()));
      expected.add(perVariable);
    }
    for (int r = 0; r < d.rowCount(); r++) {
      List<Integer> codes = new ArrayList<>();
      for (int i = 0; i < p.m(); i++) {
        Hierarchy h = p.config().hierarchies().get(i);
        codes.add(d.isMissing(r, i) ? h.leaves().size() + d.missingReason(r, i).orElseThrow().ordinal()
            : h.leaves().indexOf(d.token(r, i)));
      }
      int c = index.get(codes);
      counts[c]++;
      for (int j = 0; j < sensitive.size(); j++) {
        int col = d.column(sensitive.get(j));
        if (!d.isMissing(r, col)) {
          expected.get(c).get(j).merge(d.token(r, col), 1L, Long::sum);
        }
      }
    }
    for (int c = 0; c < t.size(); c++) {
      assertEquals(counts[c], t.count(c));
      for (int j = 0; j < sensitive.size(); j++) {
        assertEquals(expected.get(c).get(j), t.distribution(c, sensitive.get(j)));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void issue16_aTableGivenByCodeEqualsTheTableOfTheDataset(long seed) {
    Problem p = problem(seed);
    FrequencyTable.Builder b = FrequencyTable.builder(p.schema(), p.config());
    List<String> sensitive = p.config().sensitiveVariables();
    Dataset d = p.dataset(p.rows());
    for (int r = 0; r < d.rowCount(); r++) {
      int[] qi = new int[p.m()];
      for (int i = 0; i < p.m(); i++) {
        String q = "q" + i;
        qi[i] = d.isMissing(r, i) ? b.missingCode(q, d.missingReason(r, i).orElseThrow()) : b.code(q, d.token(r, i));
      }
      int[] s = new int[sensitive.size()];
      for (int j = 0; j < s.length; j++) {
        int c = d.column(sensitive.get(j));
        s[j] = d.isMissing(r, c) ? b.sensitiveMissingCode(sensitive.get(j), d.missingReason(r, c).orElseThrow())
            : b.sensitiveCode(sensitive.get(j), d.token(r, c));
      }
      b.add(qi, s, 1);
    }
    FrequencyTable given = b.build();
    assertEquals(FrequencyTable.of(d, p.config()), given, "seed " + seed);
    long total = 0;
    for (int c = 0; c < given.size(); c++) {
      total += given.count(c);
    }
    assertEquals(d.rowCount(), total);
  }

  @Test
  void issue16_aTableIsMadeForOneConfigurationAndRefusesLocalSuppression() {
    Problem p = problem(3);
    FrequencyTable t = FrequencyTable.of(p.dataset(p.rows()), p.config());
    DeidConfig other = p.config().toBuilder().k(7).build();
    assertThrows(IllegalArgumentException.class, () -> Deidentifier.of(other).plan(t));
    assertThrows(IllegalArgumentException.class,
        () -> FrequencyTable.merge(List.of(t, FrequencyTable.of(p.dataset(p.rows()), other))));
    assertThrows(IllegalArgumentException.class, () -> FrequencyTable.merge(List.of()));
    FrequencyTable.Builder b = FrequencyTable.builder(p.schema(), p.config());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.code("q0", "no-such-value"));
    assertTrue(e.getMessage().contains("q0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.add(new int[p.m()], new int[0], 0));
    assertTrue(t.toString().contains("combinations=" + t.size()));
    DeidConfig.Builder lb = DeidConfig.builder();
    for (int i = 0; i < p.m(); i++) {
      lb.quasiIdentifier("q" + i, p.config().hierarchies().get(i));
    }
    DeidConfig local = lb.k(2).localSuppression(LocalSuppressionMode.ALONE).build();
    FrequencyTable lt = FrequencyTable.of(p.dataset(p.rows()), local);
    e = assertThrows(IllegalArgumentException.class, () -> Deidentifier.of(local).plan(lt));
    assertTrue(e.getMessage().contains("localSuppression"), e.getMessage());
  }
}
