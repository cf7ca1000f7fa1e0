package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.TableFormatException;
import org.ctdc.deid.table.TablesTestData.Rec;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 17: DP counts for published tables ({@code method: dp}): the strict reader of the {@code dp:} block,
 * the budget accounting against values computed by hand, the noise of the cells against the sampler's pmf
 * (chi-square), additivity, determinism for 1 and 2 threads, the audit refusing DP tables, no record value
 * in any output or message.
 */
class Issue17DpTablesTest {
  @TempDir Path dir;
  private int runs;

  private static final String THREE_TABLES = """
        - name: rs
          dimensions: [region, sex]
        - name: r
          dimensions: [region]
        - name: s
          dimensions: [sex]
      """;

  static String config(String dp, String tables) {
    return TablesRunTest.config("dp", dp, tables);
  }

  private Map<String, byte[]> run(String yaml, Dataset data, int threads) throws IOException {
    Path out = dir.resolve("out" + runs++);
    TablesConfig cfg = TablesConfig.parse(yaml, "test.yaml", dir);
    TablesRun.Outcome o = TablesRun.builder(cfg, out).threads(threads).build().run(data);
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.list(out)) {
      for (Path p : s.toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    assertEquals(files.size(), o.files().size());
    return files;
  }

  // ---- the reader ----

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "dp: {mechanism: gaussian, rho: 1, sigma: 2}|test.yaml: dp: unknown key",
      "dp: {mechanism: uniform, rho: 1}|test.yaml: dp.mechanism: must be gaussian or laplace",
      "dp: {mechanism: laplace, epsilon: 1, delta: 0.001}|test.yaml: dp.delta: delta: mechanism laplace gives pure",
      "dp: {mechanism: laplace, rho: 0.5}|test.yaml: dp.rho: rho: mechanism laplace takes epsilon",
      "dp: {mechanism: laplace}|test.yaml: dp: epsilon is required for mechanism laplace",
      "dp: {mechanism: gaussian}|test.yaml: dp: rho, or epsilon with delta, is required",
      "dp: {mechanism: gaussian, epsilon: 1}|test.yaml: dp: delta is required with epsilon",
      "dp: {mechanism: gaussian, epsilon: 1, rho: 1, delta: 0.01}|test.yaml: dp.rho: epsilon and rho: give one",
      "dp: {mechanism: laplace, epsilon: -1}|test.yaml: dp.epsilon: epsilon must be positive and finite",
      "dp: {mechanism: laplace, epsilon: yes}|test.yaml: dp.epsilon: must be a number",
      "dp: {mechanism: gaussian, epsilon: 1, delta: 1}|test.yaml: dp.delta: delta must be above 0 and below 1",
      "dp: {mechanism: gaussian, rho: 0}|test.yaml: dp.rho: rho must be positive and finite",
      "dp: {mechanism: gaussian, rho: 1, seed: 1.5}|test.yaml: dp.seed: must be a whole number",
      "dp: {mechanism: gaussian, rho: 1, nonNegative: 3}|test.yaml: dp.nonNegative:",
      "dp: {mechanism: gaussian, rho: 1e-15}|test.yaml: dp.rho: rho: its share per table gives a noise variance",
      "dp: {mechanism: laplace, epsilon: 1e-10}|test.yaml: dp.epsilon: epsilon: its share per table",
      "base: 5|test.yaml: dp: method dp needs a dp: mapping",
      "dp: 3|test.yaml: dp: method dp needs a dp: mapping",
  })
  void issue17_theDpBlockIsRefusedAtItsKey(String dp, String message) {
    TableException e = assertThrows(TableException.class,
        () -> TablesConfig.parse(config(dp, TablesRunTest.REGION_SEX), "test.yaml", dir));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void issue17_aDuplicateKeyADpBlockOfAnotherMethodAndAMagnitudeTableAreRefused() {
    TableException dup = assertThrows(TableException.class, () -> TablesConfig.parse(
        config("dp:\n  mechanism: gaussian\n  rho: 1\n  rho: 2", TablesRunTest.REGION_SEX), "test.yaml", dir));
    assertTrue(dup.getMessage().startsWith("test.yaml: ") && dup.getMessage().contains("rho"), dup.getMessage());
    TableException other = assertThrows(TableException.class, () -> TablesConfig.parse(TablesRunTest.config(
        "suppression", "dp: {mechanism: gaussian, rho: 1}", TablesRunTest.REGION_SEX), "test.yaml", dir));
    assertEquals("test.yaml: dp: is for method dp only", other.getMessage());
    TableException mag = assertThrows(TableException.class, () -> TablesConfig.parse(config(
        "dp: {mechanism: laplace, epsilon: 1}", "  - name: m\n    dimensions: [region]\n    magnitude: amount\n"),
        "test.yaml", dir));
    assertTrue(mag.getMessage().startsWith("test.yaml: tables[0].magnitude: method dp protects count tables only"),
        mag.getMessage());
  }

  @Test
  void issue17_theBuilderChecksEachSettingAtItsSetter() {
    assertThrows(IllegalArgumentException.class, () -> DpNoise.builder(DpNoise.Mechanism.GAUSSIAN).epsilon(0));
    assertThrows(IllegalArgumentException.class,
        () -> DpNoise.builder(DpNoise.Mechanism.GAUSSIAN).epsilon(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> DpNoise.builder(DpNoise.Mechanism.GAUSSIAN).delta(0));
    assertThrows(IllegalArgumentException.class, () -> DpNoise.builder(DpNoise.Mechanism.GAUSSIAN).rho(Double.NaN));
    assertThrows(IllegalStateException.class, () -> DpNoise.builder(DpNoise.Mechanism.LAPLACE).delta(0.1));
    assertThrows(IllegalStateException.class, () -> DpNoise.builder(DpNoise.Mechanism.GAUSSIAN).rho(1).epsilon(1));
    assertThrows(IllegalStateException.class, () -> DpNoise.builder(DpNoise.Mechanism.GAUSSIAN).epsilon(1).build());
    assertThrows(IllegalArgumentException.class,
        () -> DpNoise.builder(DpNoise.Mechanism.LAPLACE).epsilon(1).build().accounting(0));
    TablesConfig c = TablesConfig.parse(config("dp: {mechanism: laplace, epsilon: 2, seed: 7}", THREE_TABLES),
        "test.yaml", dir);
    assertEquals(TablesConfig.Method.DP, c.method());
    assertEquals(3, c.tableCount());
    DpNoise d = c.dp().orElseThrow();
    assertEquals(DpNoise.Mechanism.LAPLACE, d.mechanism());
    assertEquals(2.0, d.epsilon().getAsDouble());
    assertEquals(7, d.seed().getAsLong());
    assertTrue(d.nonNegative());
  }

  // ---- the accounting, against values computed by hand ----

  private static void near(double expected, double actual) {
    assertEquals(expected, actual, Math.abs(expected) * 1e-13, "expected " + expected + ", was " + actual);
  }

  @Test
  void issue17_theBudgetSplitEqualsHandComputedValues() {
    // gaussian, epsilon 1, delta 1e-6, 3 tables: L = ln(10^6) = 13.815510557964274,
    // rho = (sqrt(1 + L) - sqrt(L))^2 = 0.017468904769123432, rho_t = rho / 3, sigma^2 = 1 / (2 rho_t) = 3 / (2 rho),
    // epsilon_t = rho_t + 2 sqrt(rho_t L)
    DpNoise.Accounting g = DpNoise.builder(DpNoise.Mechanism.GAUSSIAN).epsilon(1).delta(1e-6).build().accounting(3);
    near(0.017468904769123432, g.totalRho());
    near(0.005822968256374478, g.perTableRho());
    near(85.8668599906317, g.sigmaSquared().getAsDouble());
    near(0.5730875605750998, g.perTableEpsilon().getAsDouble());
    assertEquals(1.0, g.totalEpsilon().getAsDouble());
    assertEquals(1e-6, g.delta().getAsDouble());
    // laplace, epsilon 1.5, 3 tables: epsilon_t = 0.5 (scale 2), rho_t = epsilon_t^2 / 2 = 0.125, rho = 0.375
    DpNoise.Accounting l = DpNoise.builder(DpNoise.Mechanism.LAPLACE).epsilon(1.5).build().accounting(3);
    assertEquals(0.5, l.perTableEpsilon().getAsDouble());
    assertEquals(0.5, l.laplaceRate().getAsDouble());
    assertEquals(0.125, l.perTableRho());
    assertEquals(0.375, l.totalRho());
    assertEquals(0.0, l.delta().getAsDouble());
    // gaussian, rho 0.3, delta 1e-5, 2 tables: rho_t = 0.15, sigma^2 = 1/0.3 = 3.3333333333333335,
    // epsilon = 0.3 + 2 sqrt(0.3 ln(10^5)) = 4.016922188849838, epsilon_t = 0.15 + 2 sqrt(0.15 ln(10^5))
    DpNoise.Accounting r = DpNoise.builder(DpNoise.Mechanism.GAUSSIAN).rho(0.3).delta(1e-5).build().accounting(2);
    near(0.15, r.perTableRho());
    near(3.3333333333333335, r.sigmaSquared().getAsDouble());
    near(4.016922188849838, r.totalEpsilon().getAsDouble());
    near(2.778260884878466, r.perTableEpsilon().getAsDouble());
    // rho without delta: no epsilon claimed
    DpNoise.Accounting bare = DpNoise.builder(DpNoise.Mechanism.GAUSSIAN).rho(0.3).build().accounting(2);
    assertTrue(bare.totalEpsilon().isEmpty() && bare.perTableEpsilon().isEmpty());
  }

  @Test
  void issue17_theReportAndTheMetadataStateTheBudgetPerTableAndInTotal() throws IOException {
    List<Rec> recs = TablesTestData.random(new SplittableRandom(5), 20);
    Map<String, byte[]> f = run(config("dp: {mechanism: gaussian, epsilon: 1, delta: 1e-6, seed: 3}", THREE_TABLES),
        TablesTestData.dataset(recs), 1);
    String report = new String(f.get("tables-report.txt"), StandardCharsets.UTF_8);
    assertTrue(report.contains("table rs: method dp discrete-gaussian"), report);
    assertTrue(report.contains("budget: rho = 0.01746890476912"), report);
    assertTrue(report.contains("(epsilon, delta) = (1.0, 1.0E-6)"), report);
    assertTrue(report.contains("for each of the 3 tables"), report);
    assertTrue(report.contains("the LP audit of suppression does not apply"), report);
    assertTrue(report.contains("noise seeded, not for publication"), report);
    JsonNode noise = new ObjectMapper().readTree(f.get("r.table.json")).get("protection").get("noise");
    assertEquals("discrete-gaussian", noise.get("mechanism").asText());
    assertEquals(3, noise.get("tablesInRelease").asInt());
    near(0.017468904769123432, noise.get("total").get("rho").asDouble());
    assertEquals(1.0, noise.get("total").get("epsilon").asDouble());
    assertEquals(1e-6, noise.get("total").get("delta").asDouble());
    near(0.005822968256374478, noise.get("perTable").get("rho").asDouble());
    near(85.8668599906317, noise.get("sigmaSquared").asDouble());
    assertEquals(1, noise.get("l2Sensitivity").asInt());
    assertEquals(DpNoise.SEEDED_NOTICE, noise.get("randomness").asText());
    assertFalse(new ObjectMapper().readTree(f.get("r.table.json")).get("protection").has("minWidth"));
  }

  // ---- the noise of the cells follows the sampler's distribution ----

  private static final int CODES = 3000;

  private static final Schema WIDE = Schema.builder("dp-wide", "1")
      .add(Variable.builder("code", VariableKind.CATEGORICAL).values(ValueSet.ofCodes(codes())).build())
      .add(Variable.builder("sex", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("F", "M")).build())
      .build();

  private static String[] codes() {
    String[] c = new String[CODES];
    for (int i = 0; i < CODES; i++) {
      c[i] = String.format("c%04d", i);
    }
    return c;
  }

  /** Records with a few per cell, and the true count of each code x sex cell. */
  private static Dataset wide(long[] truth) {
    Dataset.Appender a = Dataset.appender(WIDE);
    SplittableRandom r = new SplittableRandom(99);
    for (int i = 0; i < truth.length; i++) {
      int n = r.nextInt(4);
      truth[i] = n;
      for (int k = 0; k < n; k++) {
        a.setCode(0, i / 2).setCode(1, i % 2).endRow();
      }
    }
    return a.build();
  }

  private static String wideConfig(String dp) {
    return "tablesConfig: 1\nschema: dp-wide\nmethod: dp\n" + dp + "\n"
        + "dimensions:\n  - name: code\n    leaves: [" + String.join(", ", codes()) + "]\n"
        + "  - name: sex\n    leaves: [F, M]\n"
        + "tables:\n  - name: w\n    dimensions: [code, sex]\n  - name: w2\n    dimensions: [code, sex]\n";
  }

  /** The noise of every inner cell of both tables: published minus true. */
  private long[] noise(String dp) throws IOException {
    long[] truth = new long[CODES * 2];
    Dataset data = wide(truth);
    Path out = dir.resolve("wide" + runs++);
    TablesConfig cfg = TablesConfig.parse(wideConfig(dp), "wide.yaml", dir);
    TablesRun.builder(cfg, out).threads(2).build().run(data);
    long[] noise = new long[truth.length * 2];
    int k = 0;
    for (String t : List.of("w", "w2")) {
      Map<String, String[]> c = TablesRunTest.cells(Files.readAllBytes(out.resolve(t + ".csv")));
      for (int i = 0; i < truth.length; i++) {
        String key = String.format("c%04d", i / 2) + "|" + (i % 2 == 0 ? "F" : "M");
        noise[k++] = Long.parseLong(c.get(key)[0]) - truth[i];
      }
    }
    return noise;
  }

  /** The chi-square p-value of draws against a pmf (bins of expected count below 20 merged into the tails). */
  static double pValue(long[] draws, LongToDoubleFunction weight, int range) {
    double[] p = new double[2 * range + 1];
    double total = 0;
    for (int x = -range; x <= range; x++) {
      p[x + range] = weight.applyAsDouble(x);
      total += p[x + range];
    }
    long[] observed = new long[p.length];
    for (long x : draws) {
      assertTrue(Math.abs(x) <= range, "a draw beyond the range of the test");
      observed[(int) x + range]++;
    }
    int n = draws.length;
    List<double[]> bins = new ArrayList<>();
    double e = 0;
    long o = 0;
    for (int i = 0; i < p.length; i++) {
      e += n * p[i] / total;
      o += observed[i];
      if (e >= 20 && n * (1 - cumulative(p, i, total)) >= 20) {
        bins.add(new double[] {e, o});
        e = 0;
        o = 0;
      }
    }
    bins.get(bins.size() - 1)[0] += e;
    bins.get(bins.size() - 1)[1] += o;
    double chi = 0;
    for (double[] b : bins) {
      chi += (b[1] - b[0]) * (b[1] - b[0]) / b[0];
    }
    return 1 - new ChiSquaredDistribution(null, bins.size() - 1).cumulativeProbability(chi);
  }

  private static double cumulative(double[] p, int upTo, double total) {
    double s = 0;
    for (int i = 0; i <= upTo; i++) {
      s += p[i];
    }
    return s / total;
  }

  @Test
  void issue17_theNoiseOfTheCellsFollowsTheDiscreteGaussian() throws IOException {
    // rho 0.1 over 2 tables: sigma^2 = 1 / (2 * 0.05) = 10
    long[] noise = noise("dp: {mechanism: gaussian, rho: 0.1, seed: 17, nonNegative: false}");
    double p = pValue(noise, x -> Math.exp(-x * x / 20.0), 40);
    assertTrue(p > 1e-3, "chi-square p-value " + p);
    // the same test rejects a discrete Gaussian of another sigma^2 (the test can fail)
    assertTrue(pValue(noise, x -> Math.exp(-x * x / 26.0), 40) < 1e-6);
  }

  @Test
  void issue17_theNoiseOfTheCellsFollowsTheDiscreteLaplace() throws IOException {
    // epsilon 1 over 2 tables: rate 1/2 per cell
    long[] noise = noise("dp: {mechanism: laplace, epsilon: 1, seed: 18, nonNegative: false}");
    double p = pValue(noise, x -> Math.exp(-Math.abs(x) * 0.5), 60);
    assertTrue(p > 1e-3, "chi-square p-value " + p);
    assertTrue(pValue(noise, x -> Math.exp(-Math.abs(x) * 0.4), 60) < 1e-6);
  }

  // ---- additivity, clamping ----

  @Test
  void issue17_marginsAreSumsOfTheNoisyInnerCellsAndNoCountIsNegative() throws IOException {
    List<Rec> recs = TablesTestData.random(new SplittableRandom(11), 4);
    Map<String, byte[]> f = run(config("dp: {mechanism: laplace, epsilon: 0.3, seed: 4}", TablesRunTest.REGION_SEX),
        TablesTestData.dataset(recs), 1);
    Map<String, String[]> c = TablesRunTest.cells(f.get("rs.csv"));
    assertEquals(7 * 3, c.size());
    boolean differs = false;
    for (Map.Entry<String, String[]> e : c.entrySet()) {
      String[] nodes = e.getKey().split("\\|");
      long v = Long.parseLong(e.getValue()[0]);
      assertTrue(v >= 0, e.getKey());
      assertEquals("publishable", e.getValue()[1]);
      long sum = 0;
      for (String rl : TablesTestData.REGIONS) {
        for (String sl : TablesTestData.SEXES) {
          if (TablesRunTest.under(nodes[0], rl) && (nodes[1].equals("Total") || nodes[1].equals(sl))) {
            sum += Long.parseLong(c.get(rl + "|" + sl)[0]);
          }
        }
      }
      assertEquals(sum, v, "a margin is the sum of its noisy inner cells: " + e.getKey());
      differs |= v != TablesRunTest.count(recs, nodes[0], nodes[1], x -> true);
    }
    assertTrue(differs, "the noise changed some cell");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''",
      "'    margins: {region: [A]}'",
      "'    publish:~      - {region: leaves, sex: all}~      - {region: [Total, B]}'",
  })
  void issue17_aDpTablePublishesTheSameCellsInTheSameOrderAsTheOtherMethods(String extra) throws IOException {
    List<Rec> recs = TablesTestData.random(new SplittableRandom(9), 12);
    String tables = TablesRunTest.REGION_SEX + extra.replace("~", "\n") + "\n";
    Map<String, byte[]> dp = run(config("dp: {mechanism: laplace, epsilon: 2, seed: 6}", tables),
        TablesTestData.dataset(recs), 1);
    Path out = dir.resolve("rounded" + runs++);
    TablesRun.of(TablesConfig.parse(TablesRunTest.config("round-to-base", "base: 1", tables), "t.yaml", dir), out)
        .run(TablesTestData.dataset(recs));
    List<String> expected = new ArrayList<>(TablesRunTest.cells(Files.readAllBytes(out.resolve("rs.csv"))).keySet());
    assertEquals(expected, new ArrayList<>(TablesRunTest.cells(dp.get("rs.csv")).keySet()));
  }

  @Test
  void issue17_withoutClampingNegativeCountsArePublishedAndStillAdditive() throws IOException {
    List<Rec> recs = List.of(new Rec("A1", "F", 1, 0, 0, 0, "1"));
    Map<String, byte[]> f = run(config("dp: {mechanism: laplace, epsilon: 0.05, seed: 8, nonNegative: false}",
        TablesRunTest.REGION_SEX), TablesTestData.dataset(recs), 1);
    Map<String, String[]> c = TablesRunTest.cells(f.get("rs.csv"));
    long total = 0;
    boolean negative = false;
    for (String rl : TablesTestData.REGIONS) {
      for (String sl : TablesTestData.SEXES) {
        long v = Long.parseLong(c.get(rl + "|" + sl)[0]);
        negative |= v < 0;
        total += v;
      }
    }
    assertTrue(negative, "scale 20 noise on 8 cells of 0 or 1 has a negative cell at this seed");
    assertEquals(total, Long.parseLong(c.get("Total|Total")[0]));
  }

  // ---- determinism ----

  @Test
  void issue17_theSameSeedGivesTheSameFilesForOneAndTwoThreads() throws IOException {
    long[] truth = new long[CODES * 2];
    Dataset data = wide(truth);
    String yaml = wideConfig("dp: {mechanism: gaussian, rho: 0.5, seed: 21}");
    Map<String, byte[]> one = run(yaml, data, 1);
    Map<String, byte[]> two = run(yaml, data, 2);
    assertEquals(one.keySet(), two.keySet());
    for (String k : one.keySet()) {
      assertArrayEquals(one.get(k), two.get(k), k);
    }
    Map<String, byte[]> other = run(yaml.replace("seed: 21", "seed: 22"), data, 2);
    assertFalse(java.util.Arrays.equals(one.get("w.csv"), other.get("w.csv")), "another seed, other noise");
    assertFalse(java.util.Arrays.equals(one.get("w.csv"), one.get("w2.csv")), "each table has noise of its own");
    // without a seed: SecureRandom, and no notice
    Map<String, byte[]> secure = run(yaml.replace(", seed: 21", ""), data, 2);
    String def = new String(secure.get("w.table.json"), StandardCharsets.UTF_8);
    assertTrue(def.contains("\"randomness\" : \"SecureRandom\""), def);
    assertFalse(new String(secure.get("tables-report.txt"), StandardCharsets.UTF_8).contains("seeded"));
  }

  // ---- the audit refuses DP tables ----

  @Test
  void issue17_theAuditRefusesADpTableRatherThanPassIt() throws IOException {
    List<Rec> recs = TablesTestData.random(new SplittableRandom(2), 10);
    Path out = dir.resolve("audit");
    TablesConfig cfg = TablesConfig.parse(config("dp: {mechanism: gaussian, rho: 1, seed: 1}",
        TablesRunTest.REGION_SEX), "test.yaml", dir);
    TablesRun.of(cfg, out).run(TablesTestData.dataset(recs));
    TableFormatException e = assertThrows(TableFormatException.class,
        () -> PublishedTable.read(out.resolve("rs.csv"), out.resolve("rs.table.json")));
    assertTrue(e.getMessage().contains("protection.noise") && e.getMessage().contains("does not apply"),
        e.getMessage());
    // in memory too
    Table t = Table.ofCounts(TableDefinition.of("x", List.of(Dimension.flat("sex", "Total", List.of("F", "M")))),
        new long[] {3, 4});
    ProtectedTable dp = new ProtectedTable(t.definition(), "dp discrete-laplace",
        List.of(new ProtectedTable.Cell(List.of("Total"), CellStatus.PUBLISHABLE, java.util.OptionalLong.of(7))));
    assertTrue(dp.isDp());
    TableException m = assertThrows(TableException.class, () -> dp.published(1));
    assertTrue(m.getMessage().contains("differentially private"), m.getMessage());
    // written through the public writer without an accounting, the definition still says it is DP
    TableWriter.write(dp, dir.resolve("w"), OutputOptions.defaults());
    assertThrows(TableFormatException.class,
        () -> PublishedTable.read(dir.resolve("w/x.csv"), dir.resolve("w/x.table.json")));
  }

  // ---- canary ----

  @Test
  void issue17_noRecordValueIsInAnyOutputOrMessage() throws IOException {
    String canary = "CANARY-7f3a";
    List<Rec> recs = new ArrayList<>(TablesTestData.random(new SplittableRandom(3), 6));
    recs.add(new Rec("B1", "M", 41, 1, 0, 0, canary));
    Map<String, byte[]> f = run(config("dp: {mechanism: gaussian, rho: 2, seed: 5}", THREE_TABLES),
        TablesTestData.dataset(recs), 2);
    for (Map.Entry<String, byte[]> e : f.entrySet()) {
      String text = new String(e.getValue(), StandardCharsets.UTF_8);
      assertFalse(text.contains(canary), e.getKey());
    }
    // a value of the file is never quoted in a message
    for (String dp : List.of("dp: {mechanism: " + canary + ", rho: 1}", "dp: {mechanism: gaussian, rho: " + canary
        + "}", "dp: {mechanism: laplace, epsilon: 1, seed: " + canary + "}")) {
      TableException e = assertThrows(TableException.class,
          () -> TablesConfig.parse(config(dp, THREE_TABLES), "test.yaml", dir));
      assertFalse(e.getMessage().contains(canary), e.getMessage());
    }
  }
}
