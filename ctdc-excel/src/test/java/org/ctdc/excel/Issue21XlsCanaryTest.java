package org.ctdc.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ctdc.core.Aligner;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.Specs;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.testkit.CanaryRows;
import org.ctdc.testkit.CapturingLogProvider;
import org.ctdc.testkit.ThrownText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: nothing leaked from an {@code .xls} workbook. The case-management extract with canaries in its
 * cells ({@link CanaryRows}) is aligned from a sheet, then workbooks that must be refused or stopped (a shared
 * string and a formula's text result over the length limit, bytes with the OLE2 signature that are no
 * workbook, a workbook cut short, an absent sheet, a header without the spec's columns) are read. Messages,
 * causes, stacks, reports, the aligned CSV and every log event are searched for the canaries.
 */
class Issue21XlsCanaryTest {

  @TempDir Path dir;
  private final List<String> observed = new ArrayList<>();
  private final CanaryRows canaries = new CanaryRows();

  @BeforeEach
  void clear() {
    CapturingLogProvider.clear();
  }

  @Test
  void aligningFromAnXlsWorkbookAndItsRefusalsLeakNoCanary() throws Exception {
    var profile = PartnerSamples.Profile.CASE_MANAGEMENT;
    List<String> header = PartnerSamples.header(profile);
    List<Map<String, String>> rows = canaries.caseManagement(PartnerSamples.rows(profile, 40, 8));
    Path x = Issue21XlsSourceTest.xls(dir.resolve("cases.xls"), wb -> {
      Issue21XlsxSourceTest.textSheet(wb, "Cases", header, rows);
      wb.getSheet("Cases").getRow(20).createCell(header.indexOf("Citizenship"))
          .setCellFormula("\"" + canaries.next("formula") + "\"&\"" + canaries.next("formula") + "\"");
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    });
    Aligner aligner = Aligner.of(Specs.load(profile.specName()));

    AlignmentResult r = aligner.align(XlsSource.builder(x).sheet("Cases").build());
    assertEquals(40, r.report().rowsRead());
    assertTrue(r.report().rowsRejected() > 0, r.report()::summary);
    Issue21XlsxCanaryTest.observe(observed, r);

    thrown(() -> aligner.align(XlsSource.builder(x).maxCellLength(12).build()));
    thrown(() -> aligner.align(XlsSource.builder(x).maxSharedText(40).build()));
    Path small = Issue21XlsSourceTest.xls(dir.resolve("formula.xls"), wb -> {
      Issue21XlsxSourceTest.textSheet(wb, "Cases", header, PartnerSamples.rows(profile, 10, 8));
      wb.getSheet("Cases").getRow(5).createCell(header.indexOf("Citizenship"))
          .setCellFormula("REPT(\"" + canaries.next("long") + "\",40)");
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    });
    thrown(() -> aligner.align(XlsSource.builder(small).maxCellLength(100).build()));
    byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    byte[] fake = (new String(ole, StandardCharsets.ISO_8859_1) + canaries.next("bytes").repeat(100))
        .getBytes(StandardCharsets.ISO_8859_1);
    Path notXls = Files.write(dir.resolve("not.xls"), fake);
    thrown(() -> aligner.align(XlsSource.of(notXls)));
    byte[] bytes = Files.readAllBytes(x);
    Path cut = Files.write(dir.resolve("cut.xls"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
    thrown(() -> aligner.align(XlsSource.of(cut)));
    thrown(() -> aligner.align(XlsSource.builder(x).sheet("Absent").build()));
    Path wrong = Issue21XlsSourceTest.xls(dir.resolve("wrong.xls"),
        wb -> Issue21XlsxSourceTest.textSheet(wb, "S", List.of("colA", "colB"),
            List.of(Map.of("colA", canaries.next("a"), "colB", canaries.next("b")))));
    thrown(() -> aligner.align(XlsSource.of(wrong)).report().summary());

    List<String> all = new ArrayList<>(observed);
    all.addAll(CapturingLogProvider.events());
    assertEquals(List.of(), CanaryRows.leaks(all), "canaries reached messages, reports, outputs or logs");
  }

  /** Runs a path that must fail and records the message, string form and stack of it and every cause. */
  private void thrown(Runnable action) {
    assertTrue(ThrownText.recordIfThrown(observed, action).isPresent(), "expected a failure");
  }
}
