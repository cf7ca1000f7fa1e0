package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.samples.PartnerSamples.Profile;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;
import org.junit.jupiter.api.Test;

class AlignerProgressTest {

  /** A listener that records every report as "stage done total". */
  private static final class Recorder implements ProgressListener {
    final List<long[]> reports = new ArrayList<>();
    final List<String> stages = new ArrayList<>();

    @Override
    public void onProgress(String stage, long done, long total) {
      stages.add(stage);
      reports.add(new long[] {done, total});
    }

    List<Long> done() {
      return reports.stream().map(r -> r[0]).toList();
    }
  }

  private static List<Map<String, String>> rows(int n) {
    List<Map<String, String>> rows = new ArrayList<>(n);
    PartnerSamples.rows(Profile.HOTLINE, n, 4).forEach(rows::add);
    return rows;
  }

  private static Aligner.Builder builder() {
    return Aligner.builder(Specs.load(Profile.HOTLINE.specName()));
  }

  @Test
  void listenerSeesNonDecreasingCountsEveryIntervalEndingAtRowsRead() {
    List<Map<String, String>> rows = rows(20_000);
    rows.set(100, null); // a rejected row counts as read
    Recorder rec = new Recorder();
    AlignmentResult r = builder().progress(rec).build().align(rows, "rows");
    assertEquals(20_000, r.report().rowsRead());
    assertEquals(1, r.report().rowsRejected());
    assertEquals(List.of(8192L, 16_384L, 20_000L), rec.done());
    for (long[] rep : rec.reports) {
      assertEquals(20_000, rep[1], "a list's size is the total");
    }
    assertTrue(rec.stages.stream().allMatch("aligning"::equals), rec.stages::toString);
  }

  @Test
  void streamedCsvReportsAnUnknownTotalAndTheRowsReadAtTheEnd() {
    StringWriter w = new StringWriter();
    PartnerSamples.writeCsv(Profile.HOTLINE, 9000, 4, w);
    Recorder rec = new Recorder();
    AlignmentResult r = builder().progress(rec).build().alignCsv(new StringReader(w.toString()), "h.csv");
    assertEquals(List.of(8192L, 9000L), rec.done());
    assertEquals(r.report().rowsRead(), rec.done().get(rec.done().size() - 1));
    assertTrue(rec.reports.stream().allMatch(x -> x[1] == -1), "a stream's total is unknown");
  }

  @Test
  void aDatasetInputReportsItsRowCountAsTotal() {
    Dataset kanon = Aligner.of(Specs.load(Profile.HOTLINE.specName())).align(rows(300), "h").dataset();
    Recorder rec = new Recorder();
    Aligner.builder(Specs.load(Specs.KANON_TO_SYNTHETIC)).progress(rec).build().align(kanon);
    assertEquals(1, rec.reports.size());
    assertEquals(300, rec.reports.get(0)[0]);
    assertEquals(300, rec.reports.get(0)[1]);
  }

  @Test
  void cancellingFromTheListenerAfterTheFirstReportStopsTheRun() {
    Cancellation cancel = Cancellation.create();
    Recorder rec = new Recorder();
    ProgressListener cancelling = (stage, done, total) -> {
      rec.onProgress(stage, done, total);
      cancel.cancel();
    };
    Aligner a = builder().progress(cancelling).cancellation(cancel).build();
    OperationCancelledException e =
        assertThrows(OperationCancelledException.class, () -> a.align(rows(20_000), "rows"));
    assertEquals("alignment", e.operation());
    assertEquals(Aligner.OPERATION, e.operation());
    assertEquals(List.of(8192L), rec.done(), "stops at the first checkpoint after the cancel");
  }

  @Test
  void aSignalRaisedBeforeASmallRunStillStopsItAtTheEnd() {
    Cancellation cancel = Cancellation.create();
    cancel.cancel();
    Aligner a = builder().cancellation(cancel).build();
    assertThrows(OperationCancelledException.class, () -> a.align(rows(10), "rows"));
  }

  @Test
  void theDefaultsChangeNothing() {
    List<Map<String, String>> rows = rows(9000);
    AlignmentResult plain = Aligner.of(Specs.load(Profile.HOTLINE.specName())).align(rows, "rows");
    AlignmentResult watched =
        builder().progress(ProgressListener.none()).cancellation(Cancellation.none()).build().align(rows, "rows");
    assertEquals(plain.dataset(), watched.dataset());
    assertEquals(plain.report().toJson(), watched.report().toJson());
    assertEquals(9000, plain.dataset().rowCount());
  }
}
