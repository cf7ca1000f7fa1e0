package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.ProgressListener;

/**
 * A test listener that records every report and can raise a cancellation signal at its n-th report. Not
 * thread-safe.
 */
public final class RecordingListener implements ProgressListener {
  /** One report. */
  public record Report(String stage, long done, long total) {}

  private final List<Report> reports = new ArrayList<>();
  private final Cancellation cancelAt;
  private final int cancelAfter;

  private RecordingListener(Cancellation cancelAt, int cancelAfter) {
    this.cancelAt = cancelAt;
    this.cancelAfter = cancelAfter;
  }

  /** @return a listener that only records */
  public static RecordingListener recording() {
    return new RecordingListener(Cancellation.none(), Integer.MAX_VALUE);
  }

  /**
   * @param signal the signal to raise
   * @param reports the report after which to raise it (1 = the first)
   * @return a listener that raises the signal after that many reports
   */
  public static RecordingListener cancellingAfter(Cancellation signal, int reports) {
    return new RecordingListener(signal, reports);
  }

  @Override
  public void onProgress(String stage, long done, long total) {
    reports.add(new Report(stage, done, total));
    if (reports.size() == cancelAfter) {
      cancelAt.cancel();
    }
  }

  /** @return every report so far */
  public List<Report> reports() {
    return List.copyOf(reports);
  }

  /** @param stage a stage @return its reports in order */
  public List<Report> of(String stage) {
    return reports.stream().filter(r -> r.stage().equals(stage)).toList();
  }

  /**
   * Asserts that a stage was reported, with one total, non-decreasing counts within it, and a last count
   * equal to the total.
   *
   * @param stage the stage
   * @return the stage's total
   */
  public long assertCompleteStage(String stage) {
    List<Report> rs = of(stage);
    assertFalse(rs.isEmpty(), "stage " + stage + " reported; reports: " + reports);
    long total = rs.get(0).total();
    long last = -1;
    for (Report r : rs) {
      assertEquals(total, r.total(), "one total per stage: " + rs);
      assertTrue(r.done() >= last, "counts never decrease: " + rs);
      assertTrue(r.done() >= 0 && r.done() <= total, "0 <= done <= total: " + rs);
      last = r.done();
    }
    assertEquals(total, last, "the last report is the total: " + rs);
    return total;
  }
}
