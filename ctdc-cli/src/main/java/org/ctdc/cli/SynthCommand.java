package org.ctdc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.InferredSchemas;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import org.ctdc.synth.Aggregates;
import org.ctdc.synth.Budget;
import org.ctdc.synth.SynthConfig;
import org.ctdc.synth.SynthReport;
import org.ctdc.synth.Synthesizer;
import org.ctdc.synth.evaluate.Evaluation;
import org.ctdc.synth.evaluate.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ctdc synth}: differentially private (or k-synthetic) aggregates of a CSV file and synthetic records
 * made from them alone, with the independent evaluation in the report. Every output is written all or none
 * ({@link Outputs#writeAll}); Ctrl-C before the decision to commit leaves none. Not thread-safe.
 */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Publish aggregates and synthetic records instead of microdata, as CTDC does since 2021.",
      "Counts every combination of up to reportingLength attributes of the chosen columns, protected by"
          + " rounding (mode k-synthetic) or differential privacy with discrete Gaussian noise (mode dp), and"
          + " synthesises records from those counts alone (docs/synth-config.md).",
      "Writes DIR/synthetic.csv, DIR/aggregates.csv and DIR/aggregates-metadata.json, and with --report the"
          + " accounting and the evaluation (not differentially private: for the data owner only).",
      "Exit code 0 on success, 1 when the input or the configuration is invalid, 2 on a usage error, 4 when the"
          + " input cannot be read to its end."
    })
final class SynthCommand implements Callable<Integer> {
  @Mixin FileCommand files;

  @Option(names = "--config", required = true, paramLabel = "SYNTH.yaml", description = "The configuration.")
  Path config;

  @Option(names = "--in", required = true, paramLabel = "FILE.csv", description = "The sensitive data.")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output folder.")
  Path out;

  @Option(names = "--report", paramLabel = "REPORT.json", description = "Where to write the report (JSON).")
  Path report;

  @Mixin FormulaGuardOption formulaGuard;

  @Override
  public Integer call() {
    FileCommand.Named inputs = FileCommand.Named.files().and("--in", in).and("--config", config);
    FileCommand.Named outputs = FileCommand.Named.files()
        .and("--out (its synthetic.csv)", out.resolve("synthetic.csv"))
        .and("--out (its aggregates.csv)", out.resolve("aggregates.csv"))
        .and("--out (its aggregates-metadata.json)", out.resolve("aggregates-metadata.json"))
        .and("--report", report);
    files.requireDistinct(inputs.map(), outputs.map());
    List<Path> promised = outputs.paths();
    Cancellation cancellation = files.cancellation();
    SynthConfig cfg;
    Aggregates aggregates;
    Dataset synthetic;
    SynthReport rep;
    try {
      cfg = SynthConfig.read(config);
      Schema schema = cfg.schema().isPresent()
          ? Schemas.resolve(cfg.schema().get())
          : InferredSchemas.fromCsv(in, ',', List.of(""));
      DatasetCsv.ReadResult read = DatasetCsv.read(in, schema, new DatasetCsv.CsvOptions(100, true));
      if (!read.report().isValid()) {
        return files.invalidInput(read.report().lines(), read.report().summary(), promised);
      }
      try (Progress progress = files.progress(3)) {
        Synthesizer s = Synthesizer.builder(cfg).progress(progress).cancellation(cancellation).build();
        progress.step("aggregating");
        aggregates = s.aggregate(read.dataset());
        progress.step("synthesising");
        synthetic = s.synthesize(aggregates);
        progress.step("evaluating");
        Evaluation e = Evaluator.of(cfg.columns(), cfg.sensitiveZeros(), cfg.reportingLength(), cfg.resolution())
            .evaluate(read.dataset(), synthetic);
        rep = SynthReport.of(aggregates, synthetic.rowCount(), Optional.of(e));
        progress.done();
      }
    } catch (RuntimeException e) {
      throw files.failed(promised, e);
    }
    List<Outputs.Pending> pending = new ArrayList<>();
    pending.add(new Outputs.Pending(out.resolve("synthetic.csv"),
        w -> DatasetCsv.write(synthetic, w, formulaGuard.options())));
    pending.add(new Outputs.Pending(out.resolve("aggregates.csv"), aggregates::writeCsv));
    pending.add(new Outputs.Pending(out.resolve("aggregates-metadata.json"), w -> w.write(aggregates.metadataJson())));
    if (report != null) {
      pending.add(new Outputs.Pending(report, w -> w.write(rep.toJson())));
    }
    cancellation.throwIfCancelled(Synthesizer.OPERATION);
    files.writeAll(pending);
    files.reportSummaryFirst(lines(rep));
    return Main.OK;
  }

  /** The report's lines: the summary line, then the evaluation by length and the hard check. */
  private List<String> lines(SynthReport rep) {
    var acc = rep.accounting();
    StringBuilder sb = new StringBuilder();
    sb.append(out).append(": ").append(rep.syntheticRecords()).append(" synthetic records, ");
    sb.append(String.join("/", rep.combinationsByLength().stream().map(String::valueOf).toList()))
        .append(" combinations of length 1..").append(acc.reportingLength()).append(", mode ")
        .append(acc.mode().word());
    if (acc.budget().isPresent()) {
      Budget b = acc.budget().get();
      sb.append(String.format(Locale.ROOT, ", epsilon %s, delta %.3g", b.epsilon(), b.delta()));
    } else {
      sb.append(", resolution ").append(acc.resolution());
    }
    if (acc.seed().isPresent()) {
      sb.append(", SEEDED (reproducible; not for publication)");
    }
    List<String> lines = new ArrayList<>(List.of(sb.toString()));
    if (rep.evaluation().isPresent()) {
      Evaluation e = rep.evaluation().get();
      for (Evaluation.ByLength l : e.byLength()) {
        lines.add(String.format(Locale.ROOT, "length %d: %.1f %% of combinations preserved, %d fabricated,"
            + " %d suppressed, mean absolute error %.2f", l.length(), 100 * l.preserved(), l.fabricated(),
            l.suppressed(), l.meanAbsoluteError()));
      }
      if (acc.mode() == SynthConfig.Mode.K_SYNTHETIC) {
        lines.add(e.passesHardCheck() ? "hard check passed: no rare combination in the output"
            : "HARD CHECK FAILED: " + e.rareCombinations() + " rare combinations in the output");
      }
    }
    return lines;
  }
}
