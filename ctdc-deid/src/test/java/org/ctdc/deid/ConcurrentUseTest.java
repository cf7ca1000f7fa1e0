package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.ctdc.deid.risk.RiskMeasures;
import org.ctdc.deid.risk.RiskOptions;
import org.ctdc.samples.CtdcLikeData;
import org.ctdc.deid.verify.VerificationResult;
import org.ctdc.deid.verify.Verifier;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.junit.jupiter.api.Test;

/**
 * Thread safety: one immutable {@link DeidConfig} (with its hierarchies and privacy model), one
 * {@link RiskOptions} and the verifier used by many threads at once, started together by a barrier, on
 * datasets of their own. Every thread's release, report, risk report and verification must equal the
 * single-threaded result for the same dataset.
 */
class ConcurrentUseTest {

  private static final int THREADS = 6;

  private static String outcome(Dataset data, DeidConfig config) {
    DeidResult r = Deidentifier.of(config).run(data);
    VerificationResult v = Verifier.verify(r.release(), r.verificationSpec());
    StringWriter w = new StringWriter();
    DatasetCsv.write(r.release(), w);
    return w + DeterminismTest.strip(r.report().toJson()) + v.passed() + v.classes() + v.smallestClass()
        + v.suppressedRecords()
        + RiskMeasures.of(data, CtdcLikeData.defaultQuasiIdentifiers(), RiskOptions.defaults()).toJson();
  }

  @Test
  void aSharedConfigurationGivesEveryThreadTheSingleThreadedResult() throws Exception {
    List<Dataset> data = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      data.add(CtdcLikeData.generate(3_000, 500 + t));
    }
    DeidConfig config = SchemaHierarchies.configFor(data.get(0), CtdcLikeData.defaultQuasiIdentifiers())
        .k(PrivacyModel.CTDC_DEFAULT_K).suppressionLimit(0.05).metric(Metric.PRECISION).build();
    List<String> expected = new ArrayList<>();
    for (Dataset d : data) {
      expected.add(outcome(d, config));
    }
    assertTrue(expected.stream().distinct().count() > 1, "the datasets differ, so a mix-up would show");
    List<String> got = Concurrently.run(THREADS, t -> () -> outcome(data.get(t), config));
    for (int t = 0; t < THREADS; t++) {
      assertEquals(expected.get(t), got.get(t), "thread " + t);
    }
  }
}
