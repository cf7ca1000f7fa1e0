package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.OutputOptions;
import org.ctdc.deid.table.ProtectedTable;
import org.ctdc.deid.table.TableProtection;
import org.ctdc.deid.table.TableProtector;
import org.ctdc.deid.table.TableWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: on the GaussSuppression package's documented examples ({@link GaussExamples}), ctdc with the
 * minimisation pass suppresses no more cells than Gauss, every release passes the independent audit read back
 * from the files, and on the hierarchical examples the pass removes secondaries that the hypercube search
 * alone (today's main) keeps. Writes the comparison table of BENCHMARKS.md to {@code
 * target/issue15-gauss-comparison.md}.
 */
class Issue15GaussComparisonTest {
  @TempDir Path dir;

  /** Suppressed published cells after the hypercube search and its post-pass only (without minimisation). */
  static int withoutMinimisation(GaussExamples.Example e) {
    Problem p = new Problem(List.of(e.table()), e.rules());
    new Hypercube(p).run();
    Grid g = p.grids.get(0);
    int n = 0;
    for (int c = 0; c < g.cells; c++) {
      n += g.isPublished(c) && g.suppressed(c) ? 1 : 0;
    }
    return n;
  }

  static int suppressed(ProtectedTable t) {
    return t.count(CellStatus.PRIMARY) + t.count(CellStatus.SECONDARY);
  }

  @Test
  void issue15_ctdcSuppressesNoMoreThanGaussOnItsDocumentedExamplesAndPassesTheAudit() throws Exception {
    List<String> rows = new ArrayList<>();
    rows.add("| example (GaussSuppression vignette) | cells published | primary | ctdc before | ctdc after | Gauss |");
    rows.add("| --- | ---: | ---: | ---: | ---: | ---: |");
    int reduced = 0;
    for (GaussExamples.Example e : GaussExamples.all()) {
      int before = withoutMinimisation(e);
      TableProtection p = TableProtector.of(e.rules()).suppress(e.table());
      ProtectedTable t = p.tables().get(0);
      int after = suppressed(t);
      assertTrue(after <= before, e.name() + ": the pass added cells");
      assertTrue(after <= e.gaussSuppressed(), e.name() + ": ctdc suppresses " + after + " cells, Gauss "
          + e.gaussSuppressed() + ": " + p.reports().get(0).lines());
      List<Path> f = TableWriter.write(t, dir.resolve(e.name().replace(' ', '-')),
          new OutputOptions("..", e.rules().minWidth(), Map.of()));
      assertTrue(ReleaseAudit.auditOrFail(List.<Path[]>of(new Path[] {f.get(0), f.get(1)}), e.rules().minWidth())
          .passed());
      reduced += after < before ? 1 : 0;
      rows.add("| " + e.name() + ": `" + e.call() + "` | " + t.cells().size() + " | " + t.count(CellStatus.PRIMARY)
          + " | " + before + " | " + after + " | " + e.gaussSuppressed() + " |");
    }
    assertTrue(reduced >= 1, "the minimisation pass removed no secondary on any example");
    Path out = Path.of("target", "issue15-gauss-comparison.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, String.join("\n", rows) + "\n");
  }
}
