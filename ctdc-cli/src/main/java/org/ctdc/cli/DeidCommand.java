package org.ctdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ctdc.deid.DeidJob;
import org.ctdc.deid.DeidReport;
import org.ctdc.deid.DeidResult;
import org.ctdc.deid.Deidentifier;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.InferredSchemas;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ctdc deid}: optimal generalisation with record suppression of a CSV file. An unsatisfiable privacy
 * model ({@link org.ctdc.deid.UnsatisfiableModelException}) exits with {@link Main#UNSATISFIABLE}, mapped in
 * {@link Main}. The search and local suppression report to the progress bar and stop on Ctrl-C (exit code
 * {@link Main#CANCELLED}, or {@link Main#TERMINATED} on SIGTERM) before anything is written; the release and
 * its report are committed together ({@link Outputs#writeAll}): a signal after the decision to commit is
 * ignored. Not thread-safe.
 */
@Command(
    name = "deid",
    mixinStandardHelpOptions = true,
    description = {
      "De-identify a CSV file by optimal generalisation and record suppression under k-anonymity, l-diversity"
          + " and t-closeness.",
      "The quasi-identifiers are generalised over their hierarchies to the optimal level satisfying the privacy"
          + " models within the record-suppression limit.",
      "The configuration (docs/deid-config.md) names quasi-identifiers with hierarchy files, models, limit and metric.",
      "Options: local suppression (blank cells instead of removing records), top and bottom coding.",
      "The report gives risk (sample uniques, prosecutor and global risk) before and after, and utility.",
      "Exit code 0 on success, 1 when the input or the configuration is invalid, 2 on a usage error, 3 when the"
          + " privacy models cannot be satisfied within the suppression limit and level bounds.",
      "With --verify-spec it also writes what ctdc verify needs to re-check the release."
    })
final class DeidCommand implements Callable<Integer> {

  @Mixin FileCommand files;

  @Option(names = "--config", required = true, paramLabel = "DEID.yaml", description = "The configuration.")
  Path config;

  @Option(names = "--in", required = true, paramLabel = "FILE.csv", description = "The input file.")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "RELEASE.csv", description = "Where to write the release.")
  Path out;

  @Option(names = "--report", paramLabel = "REPORT.json", description = "Where to write the report (JSON).")
  Path report;

  @Option(names = "--verify-spec", paramLabel = "VERIFY.yaml",
      description = "Also write the verification spec of the release for ctdc verify (docs/verify.md), with its"
          + " hierarchy files (VERIFY-hierarchies/) and the release's schema (VERIFY-release-schema.yaml) or the"
          + " inferred-schema settings beside it; written with the other outputs, all or none.")
  Path verifySpec;

  @Mixin FormulaGuardOption formulaGuard;

  @Option(names = "--timings",
      description = "Print one line of stage times to standard error (start-up, read, search, write, CPU, heap"
          + " peak); names and numbers only.")
  boolean timings;

  @Override
  public Integer call() {
    FileCommand.Named inputs = FileCommand.Named.files().and("--in", in).and("--config", config);
    FileCommand.Named outputs = FileCommand.Named.files().and("--out", out).and("--report", report)
        .and("--verify-spec", verifySpec);
    files.requireDistinct(inputs.map(), outputs.map());
    List<Path> promised = outputs.paths();
    PrintWriter o = files.out();
    Cancellation cancellation = files.cancellation();
    StageTimings clock = StageTimings.start(timings);
    DeidResult r;
    DeidJob job;
    try {
      job = DeidJob.read(config);
      // nor over a hierarchy or the key file the configuration names
      files.requireDistinct(configured(inputs, job).map(), outputs.map());
      clock.lap("config");
      DatasetCsv.CsvOptions options = new DatasetCsv.CsvOptions(100, true);
      DatasetCsv.ReadResult read;
      if (job.schema().isPresent()) {
        Schema schema = Schemas.resolve(job.schema().get());
        read = DatasetCsv.read(in, schema, options);
        clock.lap("read");
      } else {
        // the schema inferred while reading, in one pass over the file (issue 19)
        read = InferredSchemas.readCsv(in, job.delimiter(), job.missingTokens(), options,
            Runtime.getRuntime().availableProcessors());
        clock.lap("infer+read");
      }
      if (!read.report().isValid()) {
        return files.invalidInput(read.report().lines(), read.report().summary(), promised);
      }
      try (Progress progress = files.progress("de-identifying")) {
        r = Deidentifier.builder(job.config()).progress(clock.watch(progress, Deidentifier.SEARCHING))
            .cancellation(cancellation).build().run(read.dataset());
        clock.lapWatched("before-search", "search", "after-search", "deid");
        progress.done();
      }
    } catch (RuntimeException e) {
      // a usage error is thrown as it is
      throw files.failed(promised, e);
    }
    // the report says what writing the release did (the cells the formula guard neutralised); the release is
    // written first
    DeidReport[] written = {r.report()};
    List<Outputs.Pending> pending = new ArrayList<>();
    pending.add(new Outputs.Pending(out,
        w -> written[0] = written[0].withOutput(DatasetCsv.write(r.release(), w, formulaGuard.options()))));
    if (report != null) {
      pending.add(new Outputs.Pending(report, w -> w.write(written[0].toJson())));
    }
    if (verifySpec != null) {
      Path name = verifySpec.getFileName();
      Path folder = verifySpec.toAbsolutePath().getParent();
      java.util.Map<String, Path> specFiles = new java.util.LinkedHashMap<>();
      try {
        r.verificationSpecFiles(name == null ? "verify.yaml" : name.toString(), job.schema().isEmpty())
            .forEach((file, text) -> {
              Path target = folder.resolve(file);
              specFiles.put("--verify-spec's " + file, target);
              pending.add(new Outputs.Pending(target, w -> w.write(text)));
            });
      } catch (RuntimeException e) {
        throw files.failed(promised, e);
      }
      // the spec's hierarchy and schema files never replace an input or another output
      FileCommand.Named all = outputs.copy();
      specFiles.forEach((k, v) -> {
        if (!v.toAbsolutePath().normalize().equals(verifySpec.toAbsolutePath().normalize())) {
          all.and(k, v);
        }
      });
      files.requireDistinct(configured(inputs, job).map(), all.map());
    }
    cancellation.throwIfCancelled(Deidentifier.OPERATION);
    // the release and its report together or neither
    clock.lap("prepare-outputs");
    files.writeAll(pending);
    clock.lap("write");
    clock.print(files.err());
    DeidReport rep = written[0];
    StringBuilder levels = new StringBuilder();
    for (DeidReport.QiLevel q : rep.quasiIdentifiers()) {
      levels.append(levels.length() == 0 ? "" : ", ").append(q.name()).append('=').append(q.level()).append('/')
          .append(q.height());
    }
    o.printf(java.util.Locale.ROOT, "%s: %d of %d records released, %d suppressed (%.2f %%), levels %s, %s %s%n",
        out, rep.releasedRecords(), rep.inputRecords(), rep.recordsSuppressed(), 100 * rep.suppressionRate(),
        levels, rep.optimal() ? "optimal" : "NOT proven optimal (budget reached)",
        rep.metric().name().toLowerCase(java.util.Locale.ROOT) + "=" + rep.metrics().get(rep.metric().name()));
    if (files.quiet()) {
      return Main.OK;
    }
    o.println("information kept: " + ReportFacts.informationKept(rep));
    if (rep.localSuppression() != org.ctdc.deid.LocalSuppressionMode.NONE) {
      o.printf(java.util.Locale.ROOT, "local suppression: %d cells blanked in %d records%n", rep.totalCellsSuppressed(),
          rep.recordsWithSuppressedCells());
    }
    formulaGuard.say(o, rep.output());
    if (rep.riskBefore().isPresent() && rep.riskAfter().isPresent()) {
      DeidReport.RiskSummary b = rep.riskBefore().get();
      DeidReport.RiskSummary a = rep.riskAfter().get();
      o.printf(java.util.Locale.ROOT,
          "risk before -> after: sample uniques %d -> %d, records in classes below %d: %d -> %d, "
              + "max prosecutor risk %.4f -> %.4f, global risk %.4f -> %.4f%n",
          b.sampleUniques(), a.sampleUniques(), a.smallClassThreshold(), b.recordsInSmallClasses(),
          a.recordsInSmallClasses(), b.maxProsecutorRisk(), a.maxProsecutorRisk(), b.globalRisk(), a.globalRisk());
    }
    return Main.OK;
  }

  /** The inputs and every file the configuration names (hierarchies, the key file), none of which is overwritten. */
  private static FileCommand.Named configured(FileCommand.Named inputs, DeidJob job) {
    FileCommand.Named named = inputs.copy();
    job.filesRead().forEach(f -> named.and("a file the configuration names (" + f.getFileName() + ")", f));
    return named;
  }
}
