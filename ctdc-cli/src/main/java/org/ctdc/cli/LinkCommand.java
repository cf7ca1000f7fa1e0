package org.ctdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** What both subcommands share: the standard options, the configuration and the cancellation signal. */
  abstract static class Base implements Callable<Integer>, CancellableCommand {
    @Spec CommandSpec spec;
    @Mixin DebugOption debug;
    @Mixin QuietOption quiet;

    @Option(names = "--config", required = true, paramLabel = "LINK.yaml", description = "The linkage configuration.")
    Path config;

    Cancellation cancellation = Cancellation.none();

    @Override
    public void cancellation(Cancellation signal) {
      this.cancellation = signal;
    }
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
      Map<String, Path> inputs = new LinkedHashMap<>();
      inputs.put("--config", config);
      inputs.put("--key-file", keyFile);
      inputs.put("--in", in);
      Outputs.requireDistinct(spec, inputs, Map.of("--out", out));
      LinkConfig cfg = LinkConfig.read(config);
      Encoder.Result r;
      try (LinkKey key = LinkKey.fromFile(keyFile)) {
        Encoder encoder = Encoder.builder(cfg, key).threads(threads()).cancellation(cancellation).build();
        key.close();
        r = encoder.encodeCsv(in);
      } catch (RuntimeException e) {
        throw Outputs.notWritten(List.of(out), e);
      }
      Outputs.writeAll(cancellation, List.of(new Outputs.Pending(out, w -> ClkFile.write(w, r.encodings()))));
      PrintWriter pw = spec.commandLine().getOut();
      Encoder.Summary s = r.summary();
      pw.println("ctdc link encode: " + s.records() + " records encoded (" + s.empty()
          + " without any identifying value, never matched); written: " + out);
      if (!quiet.on) {
        for (LinkConfig.Field f : cfg.fields()) {
          long missing = s.missing().getOrDefault(f.name(), 0L);
          long unreadable = s.unreadable().getOrDefault(f.name(), 0L);
          if (missing + unreadable > 0) {
            pw.println("  field " + f.name() + ": " + missing + " blank" + (f.kind() == org.ctdc.link.FieldKind.DATE
                ? ", " + unreadable + " not read as a date" : ""));
          }
        }
      }
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


    @Override
    public Integer call() {
      if (in.size() < 2 || in.size() > Matcher.MAX_SOURCES) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--in must be given 2 to " + Matcher.MAX_SOURCES + " times");
      }
      Map<String, Path> inputs = new LinkedHashMap<>();
      inputs.put("--config", config);
      for (int i = 0; i < in.size(); i++) {
        inputs.put("--in #" + (i + 1), in.get(i));
      }
      Map<String, Path> outputs = new LinkedHashMap<>();
      outputs.put("--out", out);
      outputs.put("--report", report);
      Outputs.requireDistinct(spec, inputs, outputs);
      LinkConfig cfg = LinkConfig.read(config);
      MatchResult r;
      try {
        List<ClkSet> sets = new ArrayList<>();
        for (Path p : in) {
          sets.add(ClkFile.read(p, cfg.bits()));
        }
        r = Matcher.builder(cfg).threads(threads()).cancellation(cancellation).build().match(sets);
      } catch (RuntimeException e) {
        throw Outputs.notWritten(List.of(out, report), e);
      }
      OverlapReport rep = OverlapReport.of(cfg, r);
      Outputs.writeAll(cancellation, List.of(
          new Outputs.Pending(out, w -> ClkFile.writeMatches(w, r)),
          new Outputs.Pending(report, w -> w.write(rep.toJson()))));
      PrintWriter pw = spec.commandLine().getOut();
      pw.println("ctdc link match: " + r.clusters().size() + " people found in more than one source ("
          + r.matches().size() + " matched pairs, " + r.comparisons() + " pairs compared); written: " + out + ", " + report);
      if (!quiet.on) {
        for (int i = 0; i < r.sources().size(); i++) {
          for (int j = i + 1; j < r.sources().size(); j++) {
            pw.println("  " + r.sources().get(i) + " (" + r.sizes().get(i) + " records) ~ " + r.sources().get(j) + " ("
                + r.sizes().get(j) + " records): " + rep.matched(r.sources().get(i), r.sources().get(j)) + " matched");
          }
        }
      }
      return Main.OK;
    }
  }
}
