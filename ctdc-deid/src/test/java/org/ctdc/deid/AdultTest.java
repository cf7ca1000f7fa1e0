package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ctdc.deid.verify.VerificationResult;
import org.ctdc.deid.verify.Verifier;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.InferredSchemas;
import org.ctdc.schema.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Adult benchmark set with all nine quasi-identifiers and ARX's shipped hierarchies. */
class AdultTest {

  static final List<String> QIS = List.of("sex", "age", "race", "marital-status", "education", "native-country",
      "workclass", "occupation", "salary-class");
  static Dataset adult;
  static List<Hierarchy> hierarchies;

  static Path resource(String name) {
    try {
      return Path.of(AdultTest.class.getResource("/adult/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void load() {
    Path csv = resource("adult.csv");
    Schema s = InferredSchemas.fromCsv(csv, ';');
    DatasetCsv.ReadResult r = DatasetCsv.read(csv, s, DatasetCsv.CsvOptions.defaults());
    adult = r.dataset();
    hierarchies = new ArrayList<>();
    for (String q : QIS) {
      hierarchies.add(Hierarchy.readArx(resource("adult_hierarchy_" + q + ".csv"), ';').withName(q));
    }
  }

  static DeidConfig.Builder config(int k, double limit, Metric metric) {
    DeidConfig.Builder b = DeidConfig.builder();
    for (int i = 0; i < QIS.size(); i++) {
      b.quasiIdentifier(QIS.get(i), hierarchies.get(i));
    }
    return b.k(k).suppressionLimit(limit).metric(metric);
  }

  /**
   * A representative subset of the grid k in {2, 5, 10} x limit in {0 %, 4 %, 5 %}: every k and every limit
   * occurs, with and without suppression; the full grid runs in {@code GeneralisationBenchmark.adult}
   * (ctdc-bench), which reports the same searches.
   */
  static Stream<Arguments> grid() {
    // the whole grid: k in {2, 5, 10} x suppression limit {0 %, 4 %, 5 %}
    return Stream.of(2, 5, 10)
        .flatMap(k -> Stream.of(0.0, 0.04, 0.05).map(limit -> Arguments.of(k, limit)));
  }

  @Test
  void theInputHas30162RecordsAndA12960NodeLattice() {
    assertEquals(30_162, adult.rowCount());
    DeidResult r = Deidentifier.of(config(2, 0, Metric.PRECISION).build()).run(adult);
    assertEquals(12_960, r.report().latticeSize());
  }

  @ParameterizedTest(name = "k={0}, limit={1}")
  @MethodSource("grid")
  void eachConfigurationIsVerified(int k, double limit) {
    for (Metric metric : k == 5 && limit == 0 ? new Metric[] {Metric.PRECISION, Metric.LOSS} : new Metric[] {Metric.PRECISION}) {
      DeidResult r = Deidentifier.of(config(k, limit, metric).build()).run(adult);
      VerificationResult v = Verifier.verify(r.release(), r.verificationSpec());
      assertTrue(v.passed(), () -> "k=" + k + " limit=" + limit + " " + metric + ": " + v.summary());
      assertTrue(r.optimal());
      long allowed = (long) Math.floor(limit * 30_162);
      assertTrue(r.report().recordsSuppressed() <= allowed);
      assertEquals(30_162 - r.report().recordsSuppressed(), r.release().rowCount());
      assertTrue(r.report().smallestClass() >= k);
      assertTrue(r.report().nodesEvaluated() < r.report().latticeSize(), "the search prunes");
    }
  }
}
