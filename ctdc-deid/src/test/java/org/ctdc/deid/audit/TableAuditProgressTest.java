package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.ctdc.deid.RecordingListener;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.OperationCancelledException;
import org.junit.jupiter.api.Test;

/** Progress and cancellation of {@link TableAudit}. */
class TableAuditProgressTest {
  private static final List<String> R = Tables2D.codes("r", 4);
  private static final List<String> C = Tables2D.codes("c", 4);
  private static final long[][] V = {{1, 6, 8, 2}, {5, 7, 9, 3}, {4, 3, 10, 12}, {2, 2, 9, 7}};

  /** Two independent rectangles of suppressions plus one cell pinned by its row: three groups of cells. */
  private static PublishedTable table() {
    return Tables2D.table("t", R, C, V, Set.of("ra|ca", "rc|cc"), Set.of("ra|cb", "rb|ca", "rb|cb", "rc|cd",
        "rd|cc", "rd|cd"));
  }

  @Test
  void reportsSuppressedCellsCheckedUpToTheirNumberAndTheSameResult() {
    AuditOptions options = AuditOptions.builder().minWidth(1).build();
    RecordingListener listener = RecordingListener.recording();
    AuditResult watched = TableAudit.builder().options(options).progress(listener).cancellation(Cancellation.create()).build().audit(List.of(table()));
    AuditResult plain = TableAudit.of(options).audit(List.of(table()));
    long total = listener.assertCompleteStage(TableAudit.AUDITING);
    assertEquals(plain.cells().size(), total, "one unit per audited cell");
    assertEquals(8, total);
    assertEquals(plain.cells(), watched.cells());
    assertEquals(plain.passed(), watched.passed());
  }

  @Test
  void cancellingAtTheFirstReportStopsTheAudit() {
    Cancellation signal = Cancellation.create();
    RecordingListener listener = RecordingListener.cancellingAfter(signal, 1);
    OperationCancelledException e = assertThrows(OperationCancelledException.class,
        () -> TableAudit.builder().options(AuditOptions.defaults()).progress(listener).cancellation(signal).build().audit(List.of(table())));
    assertEquals("table audit cancelled", e.getMessage());
    assertEquals(1, listener.reports().size());
  }

  @Test
  void aPreCancelledSignalStopsTheAuditBeforeAnyReport() {
    Cancellation signal = Cancellation.create();
    signal.cancel();
    RecordingListener listener = RecordingListener.recording();
    assertThrows(OperationCancelledException.class,
        () -> TableAudit.builder().options(AuditOptions.defaults()).progress(listener).cancellation(signal).build().audit(List.of(table())));
    assertTrue(listener.reports().isEmpty());
  }

  /** Two components of four cells each: 0 at the start, 4 after the first component, 8 at the end. */
  @Test
  void reportsTheCellsOfEachFinishedComponent() {
    RecordingListener listener = RecordingListener.recording();
    TableAudit.builder().options(AuditOptions.defaults()).progress(listener).cancellation(Cancellation.create()).build().audit(List.of(table()));
    assertEquals(List.of(0L, 4L, 8L), listener.of(TableAudit.AUDITING).stream().map(RecordingListener.Report::done)
        .toList());
  }

  /** The signal is checked before the input: a pre-cancelled call with no table is cancelled, not refused. */
  @Test
  void aPreCancelledSignalIsCheckedBeforeTheInput() {
    Cancellation signal = Cancellation.create();
    signal.cancel();
    assertThrows(OperationCancelledException.class,
        () -> TableAudit.builder().options(AuditOptions.defaults()).progress(RecordingListener.recording()).cancellation(signal).build().audit(List.of()));
  }
}
