package org.ctdc.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ctdc.core.Aligner;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.Specs;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.testkit.CanaryRows;
import org.ctdc.testkit.CapturingLogProvider;
import org.ctdc.testkit.ThrownText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: nothing leaked from a workbook. The case-management extract, with unique canary strings in its
 * identifier and free-text columns and as bad values in closed, date and number columns, is aligned from a
 * sheet; then workbooks that must be refused (a cell over the length limit, a file that is not a workbook, a
 * sheet that is absent, a header without the spec's columns) are read. Exception messages (with causes and
 * stacks), summaries, report JSON, the aligned CSV and every log event are searched for the canaries.
 */
class Issue21XlsxCanaryTest {


  @TempDir Path dir;
  private final List<String> observed = new ArrayList<>();
  private final CanaryRows canaries = new CanaryRows();

  @BeforeEach
  void clear() {
    CapturingLogProvider.clear();
  }

  private String canary(String tag) {
    return canaries.next(tag);
  }

  private List<Map<String, String>> rows(int n) {
    return canaries.caseManagement(PartnerSamples.rows(PartnerSamples.Profile.CASE_MANAGEMENT, n, 8));
  }

  @Test
  void aligningFromAWorkbookAndItsRefusalsLeakNoCanary() throws Exception {
    var profile = PartnerSamples.Profile.CASE_MANAGEMENT;
    List<String> header = PartnerSamples.header(profile);
    List<Map<String, String>> rows = rows(30);
    Path x = Issue21XlsxSourceTest.workbook(dir.resolve("cases.xlsx"),
        wb -> Issue21XlsxSourceTest.textSheet(wb, "Cases", header, rows));
    Aligner aligner = Aligner.of(Specs.load(profile.specName()));

    AlignmentResult r = aligner.align(XlsxSource.builder(x).sheet("Cases").build());
    assertEquals(30, r.report().rowsRead());
    assertTrue(r.report().rowsRejected() > 0, r.report()::summary);
    observe(observed, r);

    // refusals: a cell over the length limit, bytes that are not a workbook, an absent sheet, a header
    // without the spec's columns
    thrown(() -> aligner.align(XlsxSource.builder(x).maxCellLength(12).build()));
    Path notZip = Files.write(dir.resolve("not.xlsx"), (canary("bytes") + "," + canary("bytes")).getBytes(StandardCharsets.UTF_8));
    thrown(() -> aligner.align(XlsxSource.of(notZip)));
    thrown(() -> aligner.align(XlsxSource.builder(x).sheet("Absent").build()));
    Path wrong = Issue21XlsxSourceTest.workbook(dir.resolve("wrong.xlsx"),
        wb -> Issue21XlsxSourceTest.textSheet(wb, "S", List.of("colA", "colB"),
            List.of(Map.of("colA", canary("a"), "colB", canary("b")))));
    thrown(() -> aligner.align(XlsxSource.of(wrong)).report().summary());

    List<String> all = new ArrayList<>(observed);
    all.addAll(CapturingLogProvider.events());
    assertEquals(List.of(), CanaryRows.leaks(all),
        "canaries reached messages, reports, outputs or logs");
  }

  /** Adds what a run shows: the report's summary, text and JSON, its reject groups, the dataset and its CSV. */
  static void observe(List<String> observed, AlignmentResult r) {
    observed.add(r.report().summary());
    observed.add(r.report().toString());
    observed.add(r.report().toJson());
    observed.add(r.report().rejects().toString());
    observed.add(r.dataset().toString());
    StringWriter w = new StringWriter();
    DatasetCsv.write(r.dataset(), w);
    observed.add(w.toString());
  }

  /** Runs a path that must fail and records the message, string form and stack of it and every cause. */
  private void thrown(Runnable action) {
    assertTrue(ThrownText.recordIfThrown(observed, action).isPresent(), "expected a failure");
  }
}
