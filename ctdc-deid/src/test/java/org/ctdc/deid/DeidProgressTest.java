package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctdc.deid.transform.LocalSuppression;
import org.ctdc.samples.CtdcLikeData;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Progress and cancellation of a de-identification run: the search reports lattice nodes up to the lattice
 * size, local suppression its combinations; the result is identical with and without a listener; a raised
 * signal stops the run with {@link OperationCancelledException}.
 */
class DeidProgressTest {

  private static DeidConfig.Builder config(Dataset data) {
    return SchemaHierarchies.configFor(data, CtdcLikeData.defaultQuasiIdentifiers())
        .k(PrivacyModel.CTDC_DEFAULT_K).suppressionLimit(0.05).metric(Metric.LOSS);
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 17, 29})
  void searchReportsNonDecreasingNodeCountsEndingAtTheLatticeSizeAndChangesNothing(long seed) {
    Dataset data = CtdcLikeData.generate(3_000, seed);
    DeidConfig cfg = config(data).build();
    RecordingListener listener = RecordingListener.recording();
    DeidResult watched = Deidentifier.builder(cfg).progress(listener).cancellation(Cancellation.create()).build().run(data);
    DeidResult plain = Deidentifier.of(cfg).run(data);
    long total = listener.assertCompleteStage(Deidentifier.SEARCHING);
    assertEquals(plain.report().latticeSize(), total);
    assertTrue(total > 1, "a lattice worth reporting");
    assertEquals(plain.release(), watched.release());
    assertEquals(DeterminismTest.strip(plain.report().toJson()), DeterminismTest.strip(watched.report().toJson()));
    assertTrue(listener.of(LocalSuppression.SUPPRESSING).isEmpty(), "no local suppression configured");
  }

  @Test
  void classifyingTheWholeLatticeAlsoEndsAtTheLatticeSize() {
    Dataset data = CtdcLikeData.generate(2_000, 5);
    DeidConfig cfg = config(data).classifyLattice(true).build();
    RecordingListener listener = RecordingListener.recording();
    DeidResult watched = Deidentifier.builder(cfg).progress(listener).cancellation(Cancellation.none()).build().run(data);
    assertEquals(watched.report().latticeSize(), listener.assertCompleteStage(Deidentifier.SEARCHING));
    assertEquals(Deidentifier.of(cfg).run(data).lattice(), watched.lattice());
  }

  @Test
  void localSuppressionReportsItsStageAfterTheSearch() {
    Dataset data = CtdcLikeData.generate(3_000, 11);
    DeidConfig cfg = SchemaHierarchies.configFor(data, CtdcLikeData.defaultQuasiIdentifiers())
        .k(PrivacyModel.CTDC_DEFAULT_K).localSuppression(LocalSuppressionMode.ALONE).build();
    RecordingListener listener = RecordingListener.recording();
    DeidResult watched = Deidentifier.builder(cfg).progress(listener).cancellation(Cancellation.create()).build().run(data);
    listener.assertCompleteStage(Deidentifier.SEARCHING);
    long combos = listener.assertCompleteStage(LocalSuppression.SUPPRESSING);
    assertTrue(combos > 0, "some combinations below k to blank");
    assertTrue(watched.report().totalCellsSuppressed() > 0);
    int lastSearch = listener.reports().lastIndexOf(listener.of(Deidentifier.SEARCHING).get(
        listener.of(Deidentifier.SEARCHING).size() - 1));
    int firstSuppress = listener.reports().indexOf(listener.of(LocalSuppression.SUPPRESSING).get(0));
    assertTrue(lastSearch < firstSuppress, "the search ends before suppression starts");
    DeidResult plain = Deidentifier.of(cfg).run(data);
    assertEquals(plain.release(), watched.release());
    assertEquals(DeterminismTest.strip(plain.report().toJson()), DeterminismTest.strip(watched.report().toJson()));
  }

  @Test
  void cancellingFromTheListenerAtTheFirstReportStopsTheSearch() {
    Dataset data = CtdcLikeData.generate(2_000, 3);
    Cancellation signal = Cancellation.create();
    RecordingListener listener = RecordingListener.cancellingAfter(signal, 1);
    OperationCancelledException e = assertThrows(OperationCancelledException.class,
        () -> Deidentifier.builder(config(data).build()).progress(listener).cancellation(signal).build().run(data));
    assertEquals(Deidentifier.OPERATION, e.operation());
    assertEquals("de-identification cancelled", e.getMessage());
    assertEquals(1, listener.reports().size(), "no report after the cancellation: " + listener.reports());
    assertEquals(0, listener.reports().get(0).done());
  }

  @Test
  void cancellingDuringLocalSuppressionStopsTheRun() {
    Dataset data = CtdcLikeData.generate(2_000, 11);
    DeidConfig cfg = SchemaHierarchies.configFor(data, CtdcLikeData.defaultQuasiIdentifiers())
        .k(PrivacyModel.CTDC_DEFAULT_K).localSuppression(LocalSuppressionMode.ALONE).build();
    Cancellation signal = Cancellation.create();
    ProgressListener cancelAtSuppression = (stage, done, total) -> {
      if (stage.equals(LocalSuppression.SUPPRESSING)) {
        signal.cancel();
      }
    };
    OperationCancelledException e = assertThrows(OperationCancelledException.class,
        () -> Deidentifier.builder(cfg).progress(cancelAtSuppression).cancellation(signal).build().run(data));
    assertEquals(LocalSuppression.OPERATION, e.operation());
  }

  @Test
  void aPreCancelledSignalStopsRunAndPlanBeforeAnyReport() {
    Dataset data = CtdcLikeData.generate(500, 2);
    DeidConfig cfg = config(data).build();
    Cancellation signal = Cancellation.create();
    signal.cancel();
    RecordingListener listener = RecordingListener.recording();
    assertThrows(OperationCancelledException.class, () -> Deidentifier.builder(cfg).progress(listener).cancellation(signal).build().run(data));
    assertThrows(OperationCancelledException.class, () -> Deidentifier.builder(cfg).progress(listener).cancellation(signal).build().plan(data));
    assertTrue(listener.reports().isEmpty());
  }

  @Test
  void planReportsTheSearchAndMatchesThePlanWithoutListener() {
    Dataset data = CtdcLikeData.generate(2_000, 8);
    DeidConfig cfg = config(data).build();
    RecordingListener listener = RecordingListener.recording();
    DeidReport watched = Deidentifier.builder(cfg).progress(listener).cancellation(Cancellation.create()).build().plan(data);
    listener.assertCompleteStage(Deidentifier.SEARCHING);
    assertEquals(DeterminismTest.strip(Deidentifier.of(cfg).plan(data).toJson()), DeterminismTest.strip(watched.toJson()));
  }

  @Test
  void aSignalThatIsNeverRaisedLeavesTheRunAlone() {
    Dataset data = CtdcLikeData.generate(1_000, 4);
    Cancellation signal = Cancellation.create();
    DeidResult r = Deidentifier.builder(config(data).build()).progress(ProgressListener.none()).cancellation(signal).build().run(data);
    assertFalse(signal.isCancelled());
    assertEquals(Deidentifier.of(config(data).build()).run(data).release(), r.release());
  }
}
