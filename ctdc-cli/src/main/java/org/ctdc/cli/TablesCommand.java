package org.ctdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ctdc.deid.table.TableReport;
import org.ctdc.deid.table.TablesConfig;
import org.ctdc.deid.table.TablesRun;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.Schemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ctdc tables}: tabulate, protect, write and audit published tables. Secondary suppression and the
 * audit report to the progress bar and stop on Ctrl-C (exit code {@link Main#CANCELLED}); a cancelled run
 * deletes the tables it has written. Not thread-safe.
 */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    description = {
      "Tabulate a CSV release file into the tables of a configuration, protect their small cells and audit them.",
      "Small cells are protected by suppression, rounding or cell-key perturbation; each table is written as"
          + " NAME.csv, NAME.table.json and NAME.json, and suppressed tables are audited with the independent LP"
          + " audit (docs/tables.md).",
      "Exit code 0 when every table is written and passes its audit, 1 otherwise."
    })
final class TablesCommand implements Callable<Integer>, CancellableCommand {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Option(names = "--config", required = true, paramLabel = "TABLES.yaml", description = "The tables configuration.")
  Path config;

  @Option(names = "--in", required = true, paramLabel = "FILE.csv", description = "The records to tabulate.")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output directory.")
  Path out;

  @Mixin QuietOption quiet;

  @Mixin FormulaGuardOption formulaGuard;

  private Cancellation cancellation = Cancellation.none();

  @Override
  public void cancellation(Cancellation signal) {
    this.cancellation = signal;
  }

  @Override
  public Integer call() {
    TablesConfig configured = TablesConfig.read(config);
    TablesConfig cfg = configured.withOutput(configured.output().withFormulaGuard(!formulaGuard.off));
    // the files the run will move into --out, none of which may be an input
    java.util.Map<String, Path> inputs = new java.util.LinkedHashMap<>();
    inputs.put("--in", in);
    inputs.put("--config", config);
    java.util.Map<String, Path> tableFiles = new java.util.LinkedHashMap<>();
    for (var t : cfg.tables()) {
      List<String> names = new ArrayList<>(List.of(t.name() + ".csv", t.name() + ".table.json", t.name() + ".json"));
      if (!cfg.output().hxlTags().isEmpty()) {
        names.add(t.name() + ".hxl.csv");
      }
      names.forEach(n -> tableFiles.put("--out (its " + n + ")", out.resolve(n)));
    }
    tableFiles.put("--out (its tables-report.txt)", out.resolve("tables-report.txt"));
    Outputs.requireDistinct(spec, inputs, tableFiles);
    DatasetCsv.ReadResult read = DatasetCsv.read(in, Schemas.resolve(cfg.schema()), DatasetCsv.CsvOptions.defaults());
    PrintWriter w = spec.commandLine().getOut();
    if (!read.report().isValid()) {
      w.println(read.report().summary());
      spec.commandLine().getErr().println("ctdc tables: stopped; not written: every table in " + out);
      return Main.INVALID;
    }
    // the tables are written to a hidden staging folder and moved in only when all are written and audited,
    // so a failed run (an audit that rejects the release included) leaves no table that looks publishable
    Outputs outputs = new Outputs(out);
    TablesRun.Outcome o;
    Path staging = null;
    try {
      staging = outputs.stage();
      try (Progress progress = Progress.start("ctdc tables", 1, quiet.on)) {
        progress.step("protecting");
        o = TablesRun.run(cfg, read.dataset(), staging, progress, cancellation);
        progress.done();
      }
      cancellation.throwIfCancelled(org.ctdc.deid.table.TableProtector.OPERATION);
      // the single decision point: a signal before it leaves no table, after it every table is moved in
      outputs.commitIn(cancellation, staging, "");
    } catch (RuntimeException e) {
      if (staging != null) {
        Outputs.deleteQuietly(staging);
      }
      List<Path> names = new ArrayList<>();
      cfg.tables().forEach(t -> names.add(Path.of(t.name() + ".*")));
      names.add(Path.of("tables-report.txt"));
      // nothing was moved in unless moveIn failed part-way, which it checks against before moving anything
      throw Outputs.notWritten(names.stream().map(out::resolve).toList(), e);
    }
    if (!quiet.on) {
      for (TableReport r : o.reports()) {
        r.lines().forEach(w::println);
      }
      o.rowsLeftOut().forEach((t, n) -> w.println("table " + t + ": " + n + " rows left out (missing or outside)"));
    }
    w.println(o.reports().size() + " tables written to " + out);
    return Main.OK;
  }
}
