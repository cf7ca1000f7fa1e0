package org.ctdc.deid.risk;

import org.ctdc.deid.transform.LocalSuppression;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ctdc.deid.RecordingListener;
import org.ctdc.samples.CtdcLikeData;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.OperationCancelledException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Progress and cancellation of {@link LocalSuppression} called directly. */
class LocalSuppressionProgressTest {
  private static final List<String> QIS = CtdcLikeData.defaultQuasiIdentifiers();

  @ParameterizedTest
  @ValueSource(longs = {1, 6, 42})
  void reportsCombinationsBelowKUpToTheirNumberAndBlanksTheSameCells(long seed) {
    Dataset data = CtdcLikeData.generate(1_200, seed);

    RecordingListener listener = RecordingListener.recording();
    LocalSuppression.Result watched = LocalSuppression.builder(QIS, 5).progress(listener).cancellation(Cancellation.create()).build().apply(data);
    LocalSuppression.Result plain = LocalSuppression.of(QIS, 5).apply(data);
    long total = listener.assertCompleteStage(LocalSuppression.SUPPRESSING);
    assertTrue(total > 0, "combinations below k exist");
    assertTrue(listener.of(LocalSuppression.SUPPRESSING).size() <= 102, "coarse: at most about a hundred reports");
    assertEquals(plain.dataset(), watched.dataset());
    assertEquals(plain.suppressedCells(), watched.suppressedCells());
  }

  @Test
  void cancellingAtTheFirstReportStopsWithTheException() {
    Dataset data = CtdcLikeData.generate(1_000, 9);
    Cancellation signal = Cancellation.create();
    RecordingListener listener = RecordingListener.cancellingAfter(signal, 1);
    OperationCancelledException e = assertThrows(OperationCancelledException.class,
        () -> LocalSuppression.builder(QIS, 5).progress(listener).cancellation(signal).build().apply(data));
    assertEquals("local suppression cancelled", e.getMessage());
    assertEquals(1, listener.reports().size());
  }

  @Test
  void aPreCancelledSignalStopsBeforeAnyWork() {
    Dataset data = CtdcLikeData.generate(300, 9);
    Cancellation signal = Cancellation.create();
    signal.cancel();
    RecordingListener listener = RecordingListener.recording();
    assertThrows(OperationCancelledException.class,
        () -> LocalSuppression.builder(QIS, 5).progress(listener).cancellation(signal).build().apply(data));
    assertTrue(listener.reports().isEmpty());
  }
}
