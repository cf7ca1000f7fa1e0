package org.ctdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.deid.table.TableProtector;
import org.ctdc.deid.table.TableReport;
import org.ctdc.deid.table.TablesConfig;
import org.ctdc.deid.table.TablesRun;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.Schemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
      "Small cells are protected by suppression, rounding or cell-key perturbation, or every cell by"
          + " differentially private noise (method dp); each table is written as NAME.csv, NAME.table.json and"
          + " NAME.json, and suppressed tables are audited with the independent LP audit (docs/tables.md).",
      "Exit code 0 when every table is written and passes its audit, 1 otherwise."
    })
final class TablesCommand implements Callable<Integer> {
  @Mixin FileCommand files;

  @Option(names = "--config", required = true, paramLabel = "TABLES.yaml", description = "The tables configuration.")
  Path config;

  @Option(names = "--in", required = true, paramLabel = "FILE.csv", description = "The records to tabulate.")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output directory.")
  Path out;

  @Option(names = "--levels-out", paramLabel = "DIR",
      description = "Where to write the confidential protection levels of magnitude tables (NAME.levels.json: the"
          + " values of suppressed cells, for ctdc audit --levels); required when the configuration has a magnitude"
          + " table protected by suppression, and outside --out. Never publish it.")
  Path levelsOut;

  @Mixin FormulaGuardOption formulaGuard;

  @Option(names = "--timings",
      description = "Print one line of stage times to standard error (start-up, read, tabulate, suppress, write,"
          + " audit, CPU, heap peak); names and numbers only.")
  boolean timings;

  @Override
  public Integer call() {
    StageTimings clock = StageTimings.start(timings);
    TablesConfig configured = TablesConfig.read(config);
    TablesConfig cfg = configured.withOutput(configured.output().withFormulaGuard(!formulaGuard.off));
    // the files the run will move into --out, none of which may be an input
    FileCommand.Named inputs = FileCommand.Named.files().and("--in", in).and("--config", config);
    FileCommand.Named tableFiles = FileCommand.Named.files();
    for (var t : cfg.tables()) {
      List<String> names = new ArrayList<>(List.of(t.name() + ".csv", t.name() + ".table.json", t.name() + ".json"));
      if (!cfg.output().hxlTags().isEmpty()) {
        names.add(t.name() + ".hxl.csv");
      }
      names.forEach(n -> tableFiles.and("--out (its " + n + ")", out.resolve(n)));
    }
    tableFiles.and("--out (its tables-report.txt)", out.resolve("tables-report.txt"));
    boolean hasLevels = cfg.method() == TablesConfig.Method.SUPPRESSION
        && cfg.tables().stream().anyMatch(t -> t.magnitude().isPresent());
    if (hasLevels && levelsOut == null) {
      throw files.usage("a magnitude table protected by suppression needs"
          + " --levels-out DIR: its protection levels hold the values of suppressed cells and are never written"
          + " into --out");
    }
    if (levelsOut != null) {
      if (levelsOut.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize())) {
        throw files.usage("--levels-out must be outside --out: the levels files"
            + " are confidential and --out is published");
      }
      for (var t : cfg.tables()) {
        if (t.magnitude().isPresent()) {
          tableFiles.and("--levels-out (its " + t.name() + ".levels.json)",
              levelsOut.resolve(t.name() + ".levels.json"));
        }
      }
    }
    files.requireDistinct(inputs.map(), tableFiles.map());
    clock.lap("config");
    DatasetCsv.ReadResult read;
    try {
      read = DatasetCsv.read(in, Schemas.resolve(cfg.schema()), DatasetCsv.CsvOptions.defaults());
    } catch (RuntimeException e) {
      // an input that stops part-way says what was not written, as on every file command (issue 16)
      throw files.failed(notWritten(cfg), e);
    }
    clock.lap("read");
    PrintWriter w = files.out();
    if (!read.report().isValid()) {
      w.println(read.report().summary());
      files.err().println("ctdc tables: stopped; not written: every table in " + out);
      return Main.INVALID;
    }
    // the tables are written to a hidden staging folder and moved in only when all are written and audited,
    // so a failed run (an audit that rejects the release included) leaves no table that looks publishable
    Outputs outputs = new Outputs(out);
    Outputs levelsOutputs = levelsOut == null ? null : new Outputs(levelsOut);
    Cancellation cancellation = files.cancellation();
    TablesRun.Outcome o;
    Path staging = null;
    Path levelsStaging = null;
    try {
      staging = outputs.stage();
      levelsStaging = levelsOutputs == null ? null : levelsOutputs.stage();
      try (Progress progress = files.progress("protecting")) {
        TablesRun.Builder run = TablesRun.builder(cfg, staging)
            .progress(clock.watch(progress, TableProtector.SECONDARY_SUPPRESSION, TableAudit.AUDITING))
            .cancellation(cancellation);
        if (levelsStaging != null) {
          run.levelsDirectory(levelsStaging);
        }
        o = run.build().run(read.dataset());
        // the run's stages; a method other than suppression reports none
        clock.lapWatched(List.of("tabulate", "suppress", "write", "audit", "report"), "tabulate+protect+write");
        progress.done();
      }
      cancellation.throwIfCancelled(org.ctdc.deid.table.TableProtector.OPERATION);
      // the confidential levels files first (a failure leaves no table), then the single decision point: a
      // signal before it leaves no table and no levels file, after it every table is moved in
      if (levelsOutputs != null) {
        levelsOutputs.moveIn(levelsStaging, "");
      }
      try {
        outputs.commitIn(cancellation, staging, "");
      } catch (RuntimeException e) {
        if (levelsOutputs != null) {
          levelsOutputs.discard();
        }
        throw e;
      }
    } catch (RuntimeException e) {
      if (staging != null) {
        Outputs.deleteQuietly(staging);
      }
      if (levelsStaging != null) {
        Outputs.deleteQuietly(levelsStaging);
      }
      // nothing was moved in unless moveIn failed part-way, which it checks against before moving anything
      throw files.failed(notWritten(cfg), e);
    }
    if (!files.quiet()) {
      for (TableReport r : o.reports()) {
        r.lines().forEach(w::println);
      }
      if (cfg.method() == TablesConfig.Method.DP) {
        // an exact count of records is not protected by the noise: not printed
        w.println("rows left out (missing or outside): not printed under method dp (an exact count)");
      } else {
        o.rowsLeftOut().forEach((t, n) -> w.println("table " + t + ": " + n + " rows left out (missing or outside)"));
      }
    }
    w.println(o.reports().size() + " tables written to " + out);
    clock.lap("commit+print");
    cfg.dp().filter(d -> d.seed().isPresent()).ifPresent(d -> w.println("DP noise " + org.ctdc.deid.table.DpNoise
        .SEEDED_NOTICE + " (seed set in the configuration)"));
    clock.print(files.err());
    return Main.OK;
  }

  /** The files a failed run did not write: every table of the configuration and the report, in {@code --out}. */
  private List<Path> notWritten(TablesConfig cfg) {
    List<Path> names = new ArrayList<>();
    cfg.tables().forEach(t -> names.add(out.resolve(t.name() + ".*")));
    names.add(out.resolve("tables-report.txt"));
    return names;
  }
}
