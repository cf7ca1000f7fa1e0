package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ctdc.samples.CtdcLikeData;
import org.ctdc.schema.Dataset;
import org.junit.jupiter.api.Test;

/** Same input and configuration give the same release and report, for any thread count. */
class DeterminismTest {

  @Test
  void releaseAndReportAreIdenticalForOneAndThreeThreads() {
    Dataset data = CtdcLikeData.generate(30_000, 7);
    DeidConfig.Builder b = SchemaHierarchies.configFor(data, CtdcLikeData.defaultQuasiIdentifiers())
        .k(PrivacyModel.CTDC_DEFAULT_K).suppressionLimit(0.05).metric(Metric.PRECISION);
    DeidResult one = Deidentifier.of(b.threads(1).build()).run(data);
    DeidResult three = Deidentifier.of(b.threads(3).build()).run(data);
    assertEquals(one.release(), three.release());
    assertEquals(one.levels(), three.levels());
    assertEquals(one.report().metrics(), three.report().metrics());
    assertEquals(one.report().recordsSuppressed(), three.report().recordsSuppressed());
    assertEquals(one.report().nodesEvaluated(), three.report().nodesEvaluated());
    assertEquals(strip(one.report().toJson()), strip(three.report().toJson()));
  }

  static String strip(String json) {
    return json.replaceAll("\"elapsedMillis\" : \\d+", "");
  }
}
