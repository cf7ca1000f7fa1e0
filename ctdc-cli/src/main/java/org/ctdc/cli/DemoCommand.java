package org.ctdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ctdc.deid.DeidReport;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.TableReport;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.synth.Accounting;
import org.ctdc.synth.SynthReport;
import org.ctdc.synth.evaluate.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ctdc demo}: the main job end to end on generated partner extracts (see {@link DemoPipeline}), with a
 * short summary of aggregates. De-identification, secondary suppression and the audit report to the progress
 * bar; Ctrl-C stops the run between steps or inside those operations, and the files already written are
 * deleted (exit code {@link Main#CANCELLED}). Not thread-safe.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the main job end to end on generated partner extracts and write every output under DIR.",
      "Two partner extracts (hotline and case-management style, some people in both) are aligned onto"
          + " ctdc-global-kanon 2020, their overlap is found by keyed Bloom-filter encodings of names and dates of"
          + " birth (measured against the generated truth), they are merged with provenance and one row per matched"
          + " person, de-identified with the CTDC default (k = 11 over the schema's quasi-identifiers,"
          + " distinct 2-diversity of isSexualExploit, at most 5 %% of records suppressed), verified, tabulated"
          + " with small-cell and secondary suppression (audited), and published in the 2024 layout by synthesis:"
          + " differentially private aggregates (epsilon 4, reporting length 3, seeded so that the demo is"
          + " reproducible) and synthetic records made from them alone, with the evaluation.",
      "Prints a summary of each step.",
      "Exit code 0 on success, 1 when the release fails verification or a table fails the audit, 3 when the"
          + " privacy model cannot be satisfied within the suppression limit."
    })
final class DemoCommand implements Callable<Integer> {

  /** The bundled CTDC victim-perpetrator sample (used by tests and the README quick start). */
  static final String SAMPLE = "samples/CTDC_VPsynthetic_condensed.csv";
  static final int MIN_ROWS = 100;
  static final int MAX_ROWS = 2_000_000;

  @Mixin FileCommand files;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "ctdc-demo-out",
      description = "Where to write the outputs (default: ./${DEFAULT-VALUE}).")
  Path outDir;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "20000",
      description = "About how many records the two extracts hold together (default: ${DEFAULT-VALUE}; at least " + MIN_ROWS + ").")
  int rows;

  @Mixin FormulaGuardOption formulaGuard;

  @Override
  public Integer call() {
    if (rows < MIN_ROWS || rows > MAX_ROWS) {
      throw files.usage("--rows must be between " + MIN_ROWS + " and " + MAX_ROWS);
    }
    PrintWriter out = files.out();
    PrintWriter err = files.err();
    Cancellation cancellation = files.cancellation();
    Outputs outputs = new Outputs(outDir);
    DemoPipeline.Outcome o;
    try (Progress progress = files.progress(DemoPipeline.STEPS)) {
      o = new DemoPipeline(outputs, rows, progress, cancellation).csv(formulaGuard.options()).run();
      // the single decision point: a signal before it deletes every file of the run, after it is ignored
      Outputs.hook.at(Outputs.Step.STAGED, 0, cancellation);
      if (!cancellation.commit()) {
        throw new OperationCancelledException(DemoPipeline.OPERATION);
      }
    } catch (OperationCancelledException e) {
      outputs.discard();
      throw e;
    } catch (RuntimeException e) {
      if (!outputs.missing().isEmpty()) {
        err.println("ctdc demo: stopped; not written: " + String.join(", ", outputs.missing()));
      }
      throw e;
    }
    if (!files.quiet()) {
      summary(o, out);
    }
    if (!o.verification().passed()) {
      err.println("ctdc demo: the release failed verification and was not written: " + o.verification().summary());
    }
    if (!o.audit().passed()) {
      err.println("ctdc demo: the tables failed the audit: " + o.audit().reportLines().get(0));
    }
    if (!outputs.missing().isEmpty()) {
      err.println("ctdc demo: not written: " + String.join(", ", outputs.missing()));
    }
    // the last step: the release, the tables and the synthetic dataset as an open data portal (issue 20)
    String portal = o.exitCode() == Main.OK
        ? "; portal: " + PublishCommand.demo(outDir, cancellation).home().toAbsolutePath().normalize() : "";
    out.println((o.exitCode() == Main.OK ? "Wrote " : "Wrote (incomplete) ") + o.files().size() + " files to "
        + outDir.toAbsolutePath().normalize() + " (open report.html" + portal + ")");
    return o.exitCode();
  }

  private static void summary(DemoPipeline.Outcome o, PrintWriter out) {
    out.println("== Partners (rows in -> aligned, rejected)");
    for (DemoPipeline.PartnerFacts p : o.partners()) {
      out.printf(Locale.ROOT, "  %-24s %7d -> %7d, %s rejected%n", p.partner(), p.read(), p.alignedRows(),
          DemoPipeline.shown(p.rejected()));
    }
    DemoLinking.Quality lq = o.linkage();
    out.printf(Locale.ROOT, "== Overlap (keyed Bloom-filter encodings under a demo key, Dice similarity, one-to-one)%n"
        + "  %s pairs found, %s true: precision %.3f, recall %.3f, F1 %.3f, blocking pair completeness %.3f%n"
        + "  merged without double counting: %d aligned rows -> %d rows%n",
        DemoPipeline.shown(lq.foundPairs()), DemoPipeline.shown(lq.truePairs()), lq.precision(), lq.recall(), lq.f1(),
        lq.pairCompleteness(), lq.rowsIn(), lq.rowsOut());
    DeidReport d = o.deid();
    out.println("== De-identification (k = 11, distinct " + DemoPipeline.L + "-diversity of " + DemoPipeline.SENSITIVE
        + ", suppression limit " + pct(DemoPipeline.SUPPRESSION_LIMIT) + ")");
    StringBuilder levels = new StringBuilder();
    for (DeidReport.QiLevel q : d.quasiIdentifiers()) {
      levels.append(levels.length() == 0 ? "" : ", ").append(q.name()).append('=').append(q.level()).append('/')
          .append(q.height());
    }
    out.println("  generalisation: " + levels);
    out.println("  information kept: " + ReportFacts.informationKept(d));
    out.printf(Locale.ROOT, "  records: %d in, %d released, %s suppressed (%s)%n", d.inputRecords(), d.releasedRecords(),
        DemoPipeline.shown(d.recordsSuppressed()), pct(d.suppressionRate()));
    out.printf(Locale.ROOT, "  risk before: highest %.3f, average %.3f, %s records in classes below 11%n",
        o.riskBefore().maxProsecutorRisk(), o.riskBefore().averageProsecutorRisk(),
        DemoPipeline.shown(o.riskBefore().recordsInSmallClasses()));
    out.printf(Locale.ROOT, "  risk after:  highest %.3f, average %.3f, %s records in classes below 11%n",
        o.riskAfter().maxProsecutorRisk(), o.riskAfter().averageProsecutorRisk(),
        DemoPipeline.shown(o.riskAfter().recordsInSmallClasses()));
    out.println("  independent verification: " + (o.verification().passed() ? "passed" : "FAILED"));
    out.println("== Tables (cells below 11 suppressed, secondary suppression, LP audit)");
    for (TableReport t : o.tables()) {
      out.printf(Locale.ROOT, "  %-48s %d primary, %d secondary suppressed%n", t.table(),
          t.statusCounts().getOrDefault(CellStatus.PRIMARY, 0), t.statusCounts().getOrDefault(CellStatus.SECONDARY, 0));
    }
    out.println("  audit: " + (o.audit().passed() ? "passed" : "FAILED") + " (" + o.audit().cells().size()
        + " suppressed cells, " + o.audit().exposedPrimaries().size() + " exposed)");
    out.println(synthLine(o.synth()));
    o.synth().evaluation().ifPresent(e -> {
      for (Evaluation.ByLength l : e.byLength()) {
        out.printf(Locale.ROOT, "  length %d: %.1f %% of combinations preserved, %d fabricated, %d suppressed,"
            + " mean absolute error %.2f%n", l.length(), 100 * l.preserved(), l.fabricated(), l.suppressed(),
            l.meanAbsoluteError());
      }
    });
  }

  /**
   * The synthesis in one line: mode, the budget epsilon and delta, the seed (a demo is reproducible, so its
   * output must not be published as protected), and the records.
   */
  static String synthLine(SynthReport r) {
    Accounting a = r.accounting();
    StringBuilder b = new StringBuilder("== Synthetic 2024 layout by synthesis (mode ").append(a.mode().word());
    a.budget().ifPresent(budget -> b.append(String.format(Locale.ROOT, ", epsilon %s, delta %.3g",
        budget.epsilon(), budget.delta())));
    if (a.budget().isEmpty()) {
      b.append(", resolution ").append(a.resolution());
    }
    b.append(", reporting length ").append(a.reportingLength());
    a.seed().ifPresent(seed -> b.append(", seed ").append(seed).append(": reproducible, not for publication"));
    b.append("): ").append(r.syntheticRecords()).append(" synthetic records from the aggregates of ")
        .append(a.protectedRecordCount()).append(" (noisy count) merged rows");
    return b.toString();
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }
}
