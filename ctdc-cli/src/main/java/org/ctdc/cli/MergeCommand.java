package org.ctdc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ctdc.core.MergedDataset;
import org.ctdc.core.PartnerDataset;
import org.ctdc.link.ClkFile;
import org.ctdc.link.ClkSet;
import org.ctdc.link.LinkConfig;
import org.ctdc.link.LinkMerge;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ctdc merge}: pools aligned partner files with provenance, and with {@code --matches} keeps one row per
 * person matched by {@code ctdc link match} (docs/link-config.md, "Merging without double counting"). Not
 * thread-safe.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Pool aligned partner files of one schema into one file; the partner of a file is its base name.",
      "With --matches (from 'ctdc link match'), --config and one --clk per --in (in the same order), each person"
          + " matched across partners is one row: the first value in --in order is kept, conflicts are counted.",
      "A matched record finds its aligned row by position: row i of the encoding file is row i of the aligned file,"
          + " so every row must have been aligned (no rejects)."
    })
final class MergeCommand implements Callable<Integer> {
  @Mixin FileCommand files;

  @Option(names = "--schema", required = true, paramLabel = "NAME", description = "The schema of the aligned files (name, name@version or file).")
  String schemaName;

  @Option(names = "--in", required = true, paramLabel = "ALIGNED.csv", description = "An aligned partner file; give one or more.")
  List<Path> in = new ArrayList<>();

  @Option(names = "--matches", paramLabel = "MATCHES.csv", description = "The matched pairs of 'ctdc link match'.")
  Path matches;

  @Option(names = "--clk", paramLabel = "X.clk.csv", description = "The encoding file of each --in, in the same order (with --matches).")
  List<Path> clk = new ArrayList<>();

  @Option(names = "--config", paramLabel = "LINK.yaml", description = "The linkage configuration (with --matches).")
  Path config;

  @Option(names = "--out", required = true, paramLabel = "MERGED.csv", description = "Where to write the merged rows.")
  Path out;

  @Option(names = "--report", paramLabel = "MERGE-REPORT.json", description = "Where to write the counts: rows in and out, conflicts per variable.")
  Path report;

  @Override
  public Integer call() {
    if (matches != null && (config == null || clk.size() != in.size())) {
      throw files.usage("--matches needs --config and one --clk per --in");
    }
    if (matches == null && (config != null || !clk.isEmpty())) {
      throw files.usage("--config and --clk are used with --matches only");
    }
    FileCommand.Named inputs = FileCommand.Named.files();
    for (int i = 0; i < in.size(); i++) {
      inputs.and("--in #" + (i + 1), in.get(i));
    }
    for (int i = 0; i < clk.size(); i++) {
      inputs.and("--clk #" + (i + 1), clk.get(i));
    }
    inputs.and("--matches", matches).and("--config", config).and("--schema", Outputs.specFile(schemaName).orElse(null));
    FileCommand.Named outputs = FileCommand.Named.files().and("--out", out).and("--report", report);
    files.requireDistinct(inputs.map(), outputs.map());
    Schema schema = Schemas.resolve(schemaName);
    List<Path> written = outputs.paths();
    Cancellation cancellation = files.cancellation();
    MergedDataset merged;
    try {
      List<PartnerDataset> parts = new ArrayList<>();
      for (Path p : in) {
        DatasetCsv.ReadResult r = DatasetCsv.read(p, schema, DatasetCsv.CsvOptions.defaults());
        String name = ClkFile.sourceOf(p);
        if (r.report().invalidRows() > 0) {
          throw new CtdcException(p.getFileName() + ": " + r.report().invalidRows() + " rows break the schema; run 'ctdc validate'");
        }
        parts.add(new PartnerDataset(name, r.dataset()));
      }
      if (matches == null) {
        merged = MergedDataset.of(parts);
      } else {
        LinkConfig cfg = LinkConfig.read(config);
        List<ClkSet> sets = new ArrayList<>();
        for (Path p : clk) {
          sets.add(ClkFile.read(p, cfg.bits()));
        }
        merged = LinkMerge.mergePairs(parts, sets, ClkFile.readMatches(matches));
      }
      cancellation.throwIfCancelled("merge");
    } catch (RuntimeException e) {
      throw files.failed(written, e);
    }
    long rowsIn = 0;
    for (int r = 0; r < merged.dataset().rowCount(); r++) {
      rowsIn += merged.sources(r).size();
    }
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode rep = om.createObjectNode();
    rep.put("reportFormat", 1);
    rep.put("rowsIn", rowsIn);
    rep.put("rowsOut", merged.dataset().rowCount());
    rep.put("conflictRule", "the first value in --in order is kept");
    ObjectNode c = rep.putObject("conflicts");
    merged.conflicts().forEach(c::put);
    List<Outputs.Pending> pending = new ArrayList<>();
    MergedDataset m = merged;
    pending.add(new Outputs.Pending(out, w -> DatasetCsv.write(m.dataset(), w, org.ctdc.schema.CsvWriteOptions.defaults())));
    if (report != null) {
      pending.add(new Outputs.Pending(report, w -> w.write(om.writeValueAsString(rep) + "\n")));
    }
    files.writeAll(pending);
    files.reportSummaryFirst(List.of("ctdc merge: " + rowsIn + " rows in, " + merged.dataset().rowCount() + " rows out ("
        + (rowsIn - merged.dataset().rowCount()) + " merged as the same person); conflicts " + merged.conflicts()
        + "; written: " + out + (report == null ? "" : ", " + report)));
    return Main.OK;
  }
}
