package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ctdc.deid.risk.RiskMeasures;
import org.ctdc.deid.risk.RiskOptions;
import org.ctdc.samples.CtdcLikeData;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The optimal generalisation, the suppressed records, the report and the risk measures are defined not to
 * depend on the order of the input rows; only the order of the released rows follows the input. Seeded
 * shuffles check that: the release of shuffled input is the same multiset of rows, and the report is
 * byte-identical (timings aside).
 */
class RowOrderIndependenceTest {

  @ParameterizedTest
  @ValueSource(longs = {3, 17, 2026})
  void shuffledRowsGiveTheSameNodeReportRiskAndReleaseMultiset(long seed) {
    Dataset data = CtdcLikeData.generate(6_000, seed);
    Dataset shuffled = shuffle(data, new Random(seed * 31 + 1));
    assertEquals(data.rowCount(), shuffled.rowCount());
    assertEquals(sortedRows(data), sortedRows(shuffled), "the shuffle keeps the rows");

    DeidConfig config = SchemaHierarchies.configFor(data, CtdcLikeData.defaultQuasiIdentifiers())
        .k(PrivacyModel.CTDC_DEFAULT_K).suppressionLimit(0.05).metric(Metric.PRECISION).build();
    DeidResult a = Deidentifier.of(config).run(data);
    DeidResult b = Deidentifier.of(config).run(shuffled);

    assertEquals(a.levels(), b.levels());
    assertEquals(a.report().recordsSuppressed(), b.report().recordsSuppressed());
    assertEquals(DeterminismTest.strip(a.report().toJson()), DeterminismTest.strip(b.report().toJson()));
    assertEquals(sortedRows(a.release()), sortedRows(b.release()));

    RiskOptions risk = RiskOptions.defaults();
    assertEquals(
        RiskMeasures.of(data, CtdcLikeData.defaultQuasiIdentifiers(), risk).toJson(),
        RiskMeasures.of(shuffled, CtdcLikeData.defaultQuasiIdentifiers(), risk).toJson());
  }

  private static Dataset shuffle(Dataset data, Random rnd) {
    List<String> lines = lines(data);
    String header = lines.get(0);
    List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
    Collections.shuffle(body, rnd);
    StringBuilder csv = new StringBuilder(header).append('\n');
    body.forEach(l -> csv.append(l).append('\n'));
    DatasetCsv.ReadResult read = DatasetCsv.read(new StringReader(csv.toString()), "shuffled.csv",
        data.schema(), DatasetCsv.CsvOptions.defaults());
    assertEquals(0, read.report().invalidRows(), "the written rows read back");
    return read.dataset();
  }

  private static List<String> sortedRows(Dataset data) {
    List<String> lines = lines(data);
    List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
    Collections.sort(body);
    return body;
  }

  private static List<String> lines(Dataset data) {
    StringWriter out = new StringWriter();
    DatasetCsv.write(data, out);
    return List.of(out.toString().split("\r?\n"));
  }
}
