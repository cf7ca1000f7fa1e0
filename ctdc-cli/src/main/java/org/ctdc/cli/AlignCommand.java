package org.ctdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ctdc.core.Aligner;
import org.ctdc.schema.Cancellation;
import org.ctdc.core.AlignmentMode;
import org.ctdc.core.AlignmentReport;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.AlignmentSpec;
import org.ctdc.core.Specs;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.InputStoppedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ctdc align}: align a partner's file onto a schema with an alignment spec. Not thread-safe. */
@Command(
    name = "align",
    mixinStandardHelpOptions = true,
    description = {
      "Align a partner's CSV or JSON Lines file onto the shared variables with an alignment spec.",
      "Writes the aligned rows as CSV of the spec's target schema and a JSON report (docs/alignment-spec.md).",
      "Rejected rows are listed in the report by reason and row number; values are never printed.",
      "Exit code 0 when every row was aligned, 1 when rows were rejected (with --strict: at the first one, and"
          + " nothing is written), 4 when the file could not be read to its end (a malformed quote, invalid UTF-8,"
          + " a record over a limit): nothing is written and the error says where reading stopped."
    })
final class AlignCommand implements Callable<Integer>, CancellableCommand {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;
  @Mixin FormulaGuardOption formulaGuard;
  @Mixin QuietOption quiet;

  @Option(names = "--spec", required = true, paramLabel = "SPEC",
      description = "A bundled spec name (hotline-to-kanon-2020, case-management-to-kanon-2020, kanon-2020-to-synthetic-2024, kanon-2020-to-victim-perpetrator-2022) or a spec file.")
  String specName;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The partner's file: CSV with a header row, or JSON Lines (.jsonl, .ndjson).")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "ALIGNED.csv", description = "Where to write the aligned rows.")
  Path out;

  @Option(names = "--report", required = true, paramLabel = "REPORT.json", description = "Where to write the report (reportFormat 1).")
  Path report;

  @Option(names = "--strict", description = "Stop at the first row that cannot be aligned, writing nothing (default: reject it and continue).")
  boolean strict;

  private Cancellation cancellation = Cancellation.none();

  private java.util.Map<String, Path> orderedOutputs() {
    java.util.Map<String, Path> m = new java.util.LinkedHashMap<>();
    m.put("--out", out);
    m.put("--report", report);
    return m;
  }

  @Override
  public void cancellation(Cancellation signal) {
    this.cancellation = signal;
  }

  @Override
  public Integer call() {
    java.util.Map<String, Path> inputs = new java.util.LinkedHashMap<>();
    inputs.put("--in", in);
    Outputs.specFile(specName).ifPresent(f -> inputs.put("--spec", f));
    Outputs.requireDistinct(spec, inputs, orderedOutputs());
    AlignmentSpec s = Specs.resolve(specName);
    String name = in.getFileName() == null ? in.toString() : in.getFileName().toString().toLowerCase(Locale.ROOT);
    AlignmentResult r;
    try (Progress progress = Progress.start("ctdc align", 1, quiet.on)) {
      progress.step("aligning");
      Aligner aligner = Aligner.builder(s).mode(strict ? AlignmentMode.STRICT : AlignmentMode.LENIENT)
          .progress(progress).cancellation(cancellation).build();
      r = name.endsWith(".jsonl") || name.endsWith(".ndjson") ? aligner.alignJsonLines(in) : aligner.alignCsv(in);
      progress.done();
      cancellation.throwIfCancelled(Aligner.OPERATION);
    } catch (InputStoppedException e) {
      // the file could not be read to its end: nothing is written, and the exit code is not "rows rejected"
      return StoppedInput.exit(spec, debug.debug, e, List.of(out, report));
    } catch (RuntimeException e) {
      throw Outputs.notWritten(List.of(out, report), e);
    }
    AlignmentReport rep = r.report();
    PrintWriter pw = spec.commandLine().getOut();
    if (rep.stoppedEarly()) {
      // strict mode read only up to its first rejected row: an aligned file of the rows before it would look
      // like the whole input (issue 14)
      printSummary(pw, rep);
      spec.commandLine().getErr().println("ctdc: " + rep.source() + ": strict mode stopped at row " + rep.rowsRead()
          + ", the first rejected row; the rest of the input was not read; not written: " + out + ", " + report);
      return Main.INVALID;
    }
    // both files or neither: an aligned file without its report (or a stale one) must not look complete
    org.ctdc.schema.CsvWriteSummary[] written = new org.ctdc.schema.CsvWriteSummary[1];
    Outputs.writeAll(cancellation, List.of(
        new Outputs.Pending(out, w -> written[0] = DatasetCsv.write(r.dataset(), w, formulaGuard.options())),
        new Outputs.Pending(report, w -> w.write(rep.toJson()))));
    printSummary(pw, rep);
    if (!quiet.on) {
      formulaGuard.say(pw, java.util.Optional.ofNullable(written[0]));
    }
    return rep.rowsRejected() == 0 ? Main.OK : Main.INVALID;
  }

  private void printSummary(PrintWriter pw, AlignmentReport rep) {
    pw.println(rep.summary());
    if (quiet.on) {
      return;
    }
    for (AlignmentReport.RejectGroup g : rep.rejects()) {
      pw.println("  rejected " + g.count() + " row(s): " + g.reason().id()
          + (g.column().equals("*") ? "" : " (column " + g.column() + ", target " + g.target() + ")")
          + " rows " + g.rows() + (g.rows().size() < g.count() ? " ..." : ""));
    }
    // onUnmapped: missing: the values left missing instead of rejecting their rows, by reason and target
    for (AlignmentReport.TargetCoverage t : rep.targets()) {
      t.turnedMissing().entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByKey())
          .forEach(e -> pw.println("  left missing " + e.getValue() + " value(s): " + e.getKey().id()
              + " (target " + t.target() + ")"));
    }
  }
}
