package org.ctdc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ctdc.link.ClkFile;
import org.ctdc.link.ClkSet;
import org.ctdc.link.Encoder;
import org.ctdc.link.LinkConfig;
import org.ctdc.link.LinkKey;
import org.ctdc.link.MatchResult;
import org.ctdc.link.Matcher;
import org.ctdc.link.OverlapReport;
import org.ctdc.schema.Cancellation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ctdc link encode|match}: privacy-preserving record linkage (docs/link-config.md). The key file is read
 * into a byte array that is zeroed after use; the key is never printed, neither in a message nor with
 * {@code --debug}. Not thread-safe.
 */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    description = {
      "Find the people two or more partners both recorded without exchanging names (docs/link-config.md).",
      "'encode' runs at each partner with the collaboration's secret key; 'match' runs at the collaborative,"
          + " which never holds the key."
    },
    subcommands = {LinkCommand.Encode.class, LinkCommand.MatchFiles.class})
final class LinkCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: encode or match");
  }

  /**
   * What both subcommands share: the file commands' skeleton ({@link FileCommand}: {@code --debug}, {@code -q},
   * streams, outputs, the signal) and the configuration.
   */
  abstract static class Base implements Callable<Integer> {
    @Mixin FileCommand files;

    @Option(names = "--config", required = true, paramLabel = "LINK.yaml", description = "The linkage configuration.")
    Path config;
  }

  private static int threads() {
    return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
  }

  /** {@code ctdc link encode}. Not thread-safe. */
  @Command(
      name = "encode",
      mixinStandardHelpOptions = true,
      description = {
        "Encode a partner's CSV file into keyed Bloom filters: writes the columns id,clk (base64), one line per"
            + " data row in order; no other column is copied.",
        "The key file holds the collaboration's secret key (at least 16 bytes; a trailing line break is dropped)."
      })
  static final class Encode extends Base {

    @Option(names = "--key-file", required = true, paramLabel = "KEY", description = "The file holding the secret key.")
    Path keyFile;

    @Option(names = "--in", required = true, paramLabel = "PARTNER.csv", description = "The partner's CSV file with a header row.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "PARTNER.clk.csv", description = "Where to write the encodings.")
    Path out;


    @Override
    public Integer call() {
      FileCommand.Named inputs =
          FileCommand.Named.files().and("--config", config).and("--key-file", keyFile).and("--in", in);
      FileCommand.Named outputs = FileCommand.Named.files().and("--out", out);
      files.requireDistinct(inputs.map(), outputs.map());
      LinkConfig cfg = LinkConfig.read(config);
      Cancellation cancellation = files.cancellation();
      Encoder.Result r;
      try (LinkKey key = LinkKey.fromFile(keyFile); Progress progress = files.progress(Encoder.STAGE)) {
        Encoder encoder =
            Encoder.builder(cfg, key).threads(threads()).progress(progress).cancellation(cancellation).build();
        key.close();
        r = encoder.encodeCsv(in);
        progress.done();
      } catch (RuntimeException e) {
        throw files.failed(outputs.paths(), e);
      }
      files.writeAll(List.of(new Outputs.Pending(out, w -> ClkFile.write(w, r.encodings()))));
      Encoder.Summary s = r.summary();
      List<String> lines = new ArrayList<>();
      lines.add("ctdc link encode: " + s.records() + " records encoded (" + s.empty()
          + " without any identifying value, never matched); written: " + out);
      for (LinkConfig.Field f : cfg.fields()) {
        long missing = s.missing().getOrDefault(f.name(), 0L);
        long unreadable = s.unreadable().getOrDefault(f.name(), 0L);
        if (missing + unreadable > 0) {
          lines.add("  field " + f.name() + ": " + missing + " blank" + (f.kind() == org.ctdc.link.FieldKind.DATE
              ? ", " + unreadable + " not read as a date" : ""));
        }
      }
      files.reportSummaryFirst(lines);
      return Main.OK;
    }
  }

  /** {@code ctdc link match}. Not thread-safe. */
  @Command(
      name = "match",
      mixinStandardHelpOptions = true,
      description = {
        "Match the encoding files of two or more partners: writes the matched pairs"
            + " (source_a,id_a,source_b,id_b,similarity; the source is the file's base name) and the overlap report"
            + " (counts only)."
      })
  static final class MatchFiles extends Base {

    @Option(names = "--in", required = true, paramLabel = "X.clk.csv", description = "An encoding file; give two or more.")
    List<Path> in = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "MATCHES.csv", description = "Where to write the matched pairs.")
    Path out;

    @Option(names = "--report", required = true, paramLabel = "LINK-REPORT.json", description = "Where to write the overlap report.")
    Path report;

    @Option(names = "--completeness-sample", paramLabel = "N", defaultValue = "" + Matcher.Builder.DEFAULT_SAMPLE,
        description = "Records of each source sampled to measure the blocking's pair completeness against every"
            + " record of the other source (0: only the theoretical table); default ${DEFAULT-VALUE}.")
    int completenessSample;

    @Option(names = "--completeness-seed", paramLabel = "SEED", defaultValue = "1",
        description = "The seed of that sample; default ${DEFAULT-VALUE}.")
    long completenessSeed;


    @Override
    public Integer call() {
      if (in.size() < 2 || in.size() > Matcher.MAX_SOURCES) {
        throw files.usage("--in must be given 2 to " + Matcher.MAX_SOURCES + " times");
      }
      if (completenessSample < 0 || completenessSample > 1_000_000) {
        throw files.usage("--completeness-sample must lie in [0, 1000000], is " + completenessSample);
      }
      FileCommand.Named inputs = FileCommand.Named.files().and("--config", config);
      for (int i = 0; i < in.size(); i++) {
        inputs.and("--in #" + (i + 1), in.get(i));
      }
      FileCommand.Named outputs = FileCommand.Named.files().and("--out", out).and("--report", report);
      files.requireDistinct(inputs.map(), outputs.map());
      LinkConfig cfg = LinkConfig.read(config);
      Cancellation cancellation = files.cancellation();
      MatchResult r;
      try (Progress progress = files.progress(Matcher.STAGE)) {
        List<ClkSet> sets = new ArrayList<>();
        for (Path p : in) {
          sets.add(ClkFile.read(p, cfg.bits()));
        }
        r = Matcher.builder(cfg).threads(threads()).completenessSample(completenessSample)
            .completenessSeed(completenessSeed).progress(progress).cancellation(cancellation).build().match(sets);
        progress.done();
      } catch (RuntimeException e) {
        throw files.failed(outputs.paths(), e);
      }
      OverlapReport rep = OverlapReport.of(cfg, r);
      files.writeAll(List.of(
          new Outputs.Pending(out, w -> ClkFile.writeMatches(w, r)),
          new Outputs.Pending(report, w -> w.write(rep.toJson()))));
      List<String> lines = new ArrayList<>();
      lines.add("ctdc link match: " + r.clusters().size() + " people found in more than one source ("
          + r.matches().size() + " matched pairs, " + r.comparisons() + " pairs compared); written: " + out + ", "
          + report);
      for (int i = 0; i < r.sources().size(); i++) {
        for (int j = i + 1; j < r.sources().size(); j++) {
          lines.add("  " + r.sources().get(i) + " (" + r.sizes().get(i) + " records) ~ " + r.sources().get(j) + " ("
              + r.sizes().get(j) + " records): " + rep.matched(r.sources().get(i), r.sources().get(j)) + " matched");
        }
      }
      lines.addAll(completenessLines(r.pairCompleteness()));
      files.reportSummaryFirst(lines);
      return Main.OK;
    }
  }

  /** The pair-completeness lines of the match's summary: the theoretical table and the measured share. */
  static List<String> completenessLines(org.ctdc.link.PairCompleteness pc) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(java.util.Locale.ROOT, "  blocking %s: chance that a pair becomes a candidate, 1-(1-p^%d)^%d"
        + " with p = 1-2*fill*(1-Dice), fill %.3f:", pc.bands() == 0 ? "none (every pair compared)"
        : pc.bands() + " bands x " + pc.bitsPerBand() + " bits", pc.bitsPerBand(), pc.bands(), pc.fill()));
    StringBuilder sim = new StringBuilder("    Dice       ");
    StringBuilder prob = new StringBuilder("    candidate  ");
    for (org.ctdc.link.PairCompleteness.Point p : pc.theoretical()) {
      sim.append(String.format(java.util.Locale.ROOT, " %6.2f", p.similarity()));
      prob.append(String.format(java.util.Locale.ROOT, " %6.4f", p.probability()));
    }
    lines.add(sim.toString());
    lines.add(prob.toString());
    pc.measured().ifPresentOrElse(m -> lines.add(String.format(java.util.Locale.ROOT,
        "  measured pair completeness %.4f (95%% CI %.4f-%.4f): %d of %d pairs at or above the threshold among %d"
            + " sampled records (seed %d) compared with every record of the other source are candidates",
        m.share(), m.lower(), m.upper(), m.candidates(), m.pairsAtThreshold(), m.sampledRecords(), m.seed())),
        () -> lines.add("  measured pair completeness: not measured (--completeness-sample 0)"));
    return lines;
  }
}
