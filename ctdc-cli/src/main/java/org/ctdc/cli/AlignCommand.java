package org.ctdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ctdc.core.Aligner;
import org.ctdc.schema.Cancellation;
import org.ctdc.core.AlignmentMode;
import org.ctdc.core.AlignmentReport;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.AlignmentSpec;
import org.ctdc.core.Specs;
import org.ctdc.schema.DatasetCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ctdc align}: align a partner's file onto a schema with an alignment spec. Not thread-safe. */
@Command(
    name = "align",
    mixinStandardHelpOptions = true,
    description = {
      "Align a partner's CSV, JSON Lines or Excel (.xlsx, .xls) file, or the rows of a SQL query, onto the shared"
          + " variables with an alignment spec.",
      "Writes the aligned rows as CSV of the spec's target schema and a JSON report (docs/alignment-spec.md).",
      "Rejected rows are listed in the report by reason and row number; values are never printed.",
      "Exit code 0 when every row was aligned, 1 when rows were rejected (with --strict: at the first one, and"
          + " nothing is written), 4 when the file could not be read to its end (a malformed quote, invalid UTF-8,"
          + " a record over a limit): nothing is written and the error says where reading stopped."
    })
final class AlignCommand implements Callable<Integer> {
  @Mixin FileCommand files;
  @Mixin FormulaGuardOption formulaGuard;

  @Option(names = "--spec", required = true, paramLabel = "SPEC",
      description = "A bundled spec name (hotline-to-kanon-2020, case-management-to-kanon-2020, kanon-2020-to-synthetic-2024, kanon-2020-to-victim-perpetrator-2022) or a spec file.")
  String specName;

  @Option(names = "--in", paramLabel = "FILE", description = "The partner's file: CSV with a header row, JSON Lines (.jsonl, .ndjson), or an Excel workbook (.xlsx, or Excel 97-2003 .xls; the header in the sheet's first row). Give --in or --jdbc-url.")
  Path in;

  @Option(names = "--sheet", paramLabel = "NAME", description = "The sheet of an .xlsx or .xls workbook to read (default: the first).")
  String sheet;

  @Option(names = "--jdbc-url", paramLabel = "URL", description = "Read the rows of a SQL query from this database (such as jdbc:postgresql://host:5432/db), with --query-file. The URL must hold no password: give --password-file.")
  String jdbcUrl;

  @Option(names = "--query-file", paramLabel = "Q.sql", description = "The file holding the SQL query (one SELECT statement) whose rows --jdbc-url reads.")
  Path queryFile;

  @Option(names = "--user", paramLabel = "U", description = "The database user, with --jdbc-url.")
  String user;

  @Option(names = "--password-file", paramLabel = "F", description = "The file holding the database user's password (its first line), with --jdbc-url: never on the command line.")
  Path passwordFile;

  @Option(names = "--out", required = true, paramLabel = "ALIGNED.csv", description = "Where to write the aligned rows.")
  Path out;

  @Option(names = "--report", required = true, paramLabel = "REPORT.json", description = "Where to write the report (reportFormat 1).")
  Path report;

  @Option(names = "--strict", description = "Stop at the first row that cannot be aligned, writing nothing (default: reject it and continue).")
  boolean strict;

  @Override
  public Integer call() {
    Sources.Input source = Sources.input(files, in, sheet, jdbcUrl, queryFile, user, passwordFile);
    FileCommand.Named inputs = FileCommand.Named.files().and("--in", in).and("--query-file", queryFile)
        .and("--password-file", passwordFile).and("--spec", Outputs.specFile(specName).orElse(null));
    FileCommand.Named outputs = FileCommand.Named.files().and("--out", out).and("--report", report);
    files.requireDistinct(inputs.map(), outputs.map());
    AlignmentSpec s = Specs.resolve(specName);
    Cancellation cancellation = files.cancellation();
    AlignmentResult r;
    try (Progress progress = files.progress("aligning")) {
      Aligner aligner = Aligner.builder(s).mode(strict ? AlignmentMode.STRICT : AlignmentMode.LENIENT)
          .progress(progress).cancellation(cancellation).build();
      r = source.align(aligner, files);
      progress.done();
      cancellation.throwIfCancelled(Aligner.OPERATION);
    } catch (RuntimeException e) {
      // a file that could not be read to its end exits 4, not "rows rejected"; nothing is written either way
      throw files.failed(outputs.paths(), e);
    }
    AlignmentReport rep = r.report();
    PrintWriter pw = files.out();
    if (rep.stoppedEarly()) {
      // strict mode read only up to its first rejected row: an aligned file of the rows before it would look
      // like the whole input (issue 14)
      printSummary(pw, rep);
      files.err().println("ctdc: " + rep.source() + ": strict mode stopped at row " + rep.rowsRead()
          + ", the first rejected row; the rest of the input was not read; not written: " + out + ", " + report);
      return Main.INVALID;
    }
    // both files or neither: an aligned file without its report (or a stale one) must not look complete
    org.ctdc.schema.CsvWriteSummary[] written = new org.ctdc.schema.CsvWriteSummary[1];
    files.writeAll(List.of(
        new Outputs.Pending(out, w -> written[0] = DatasetCsv.write(r.dataset(), w, formulaGuard.options())),
        new Outputs.Pending(report, w -> w.write(rep.toJson()))));
    printSummary(pw, rep);
    if (!files.quiet()) {
      formulaGuard.say(pw, java.util.Optional.ofNullable(written[0]));
    }
    return rep.rowsRejected() == 0 ? Main.OK : Main.INVALID;
  }

  private void printSummary(PrintWriter pw, AlignmentReport rep) {
    pw.println(rep.summary());
    if (files.quiet()) {
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
