package org.ctdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ctdc.deid.risk.RiskMeasures;
import org.ctdc.deid.risk.RiskOptions;
import org.ctdc.deid.risk.RiskReport;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import org.ctdc.schema.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ctdc risk}: re-identification risk of a file for given quasi-identifiers, without changing it. Not thread-safe. */
@Command(
    name = "risk",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the re-identification risk of a CSV file for the given quasi-identifiers, without changing it.",
      "Prints equivalence classes, sample uniques, records in classes below the threshold, prosecutor risk"
          + " (highest and average), records above the risk threshold, and the class-size histogram.",
      "Only aggregates are printed; counts from 1 to threshold-1 are shown as <threshold.",
      "Exit code 0 when measured (whatever the risk), 1 when the file breaks its schema."
    })
final class RiskCommand implements Callable<Integer> {
  @Mixin FileCommand files;

  @Option(names = "--in", required = true, paramLabel = "FILE.csv", description = "The file to measure.")
  Path in;

  @Option(names = "--schema", required = true, paramLabel = "NAME", description = "NAME, NAME@VERSION or a schema file.")
  String schema;

  @Option(names = "--qi", required = true, split = ",", paramLabel = "a,b,c", description = "The quasi-identifiers.")
  List<String> qis = new ArrayList<>();

  @Option(names = "--threshold", defaultValue = "11", paramLabel = "K",
      description = "Classes smaller than K are small (default: ${DEFAULT-VALUE}, CTDC's k).")
  int threshold;

  @Option(names = "--wildcard", description = "Missing values match any value (sdcMicro's reading); default: a value of their own.")
  boolean wildcard;

  @Option(names = "--report", paramLabel = "RISK.json", description = "Also write the aggregates as JSON.")
  Path report;

  @Override
  public Integer call() {
    if (threshold < 1) {
      throw files.usage("--threshold must be at least 1");
    }
    if (qis.isEmpty() || qis.stream().distinct().count() < qis.size()) {
      throw files.usage("--qi must name at least one variable, each once");
    }
    if (report != null) {
      files.requireDistinct(
          FileCommand.Named.files().and("--in", in).and("--schema", Outputs.specFile(schema).orElse(null)).map(),
          Map.of("--report", report));
    }
    Schema s = Schemas.resolve(schema);
    for (String q : qis) {
      if (s.indexOf(q) < 0) {
        throw files.usage("--qi: schema " + s.id() + " has no variable '" + q + "'");
      }
    }
    List<Path> promised = report == null ? List.of() : List.of(report);
    DatasetCsv.ReadResult read;
    try {
      read = DatasetCsv.read(in, s, new DatasetCsv.CsvOptions(20, true));
    } catch (RuntimeException e) {
      // an input that stops part-way says what was not written, as on every file command (issue 16)
      throw files.failed(promised, e);
    }
    PrintWriter out = files.out();
    if (!read.report().isValid()) {
      return files.invalidInput(read.report().lines(),
          read.report().summary() + " (risk not measured; run ctdc validate for every error)", promised);
    }
    RiskOptions options = RiskOptions.defaults().withSmallClassThreshold(threshold).withMissingAsWildcard(wildcard);
    RiskReport r = RiskMeasures.of(read.dataset(), qis, options);
    String small = "<" + threshold;
    out.printf(Locale.ROOT, "%s: %d rows, %d classes, %s sample uniques, %s records in classes below %d, highest risk %.4f,"
            + " average %.4f%n", in.getFileName(), r.rows(), r.classes(), shown(r.sampleUniques(), small),
        shown(r.recordsInSmallClasses(), small), threshold, r.maxProsecutorRisk(), r.averageProsecutorRisk());
    if (!files.quiet()) {
      out.println("  quasi-identifiers: " + String.join(", ", qis) + (wildcard ? " (missing matches any value)" : ""));
      out.printf(Locale.ROOT, "  records above risk %.2f: %s (%.2f %%)%n", options.riskThreshold(),
          shown(r.recordsAboveRiskThreshold(), small), 100 * r.shareAboveRiskThreshold());
      out.println("  classes by size (size: classes):");
      for (Map.Entry<Integer, Long> e : r.classSizeHistogram().entrySet()) {
        out.println("    " + e.getKey() + ": " + shown(e.getValue(), small));
      }
    }
    if (report != null) {
      Map<String, Object> m = new java.util.LinkedHashMap<>(r.aggregates());
      m.put("reportFormat", 1);
      for (String k : List.of("classes", "sampleUniques", "recordsInSmallClasses", "recordsAboveRiskThreshold")) {
        if (m.get(k) instanceof Number n) {
          m.put(k, shownObject(n.longValue(), small));
        }
      }
      Map<String, Object> h = new java.util.LinkedHashMap<>();
      r.classSizeHistogram().forEach((size, n) -> h.put(Integer.toString(size), shownObject(n, small)));
      m.put("classSizeHistogram", h);
      try {
        AtomicFiles.writeString(report,
            new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new org.ctdc.schema.CtdcException(report + ": cannot write the report", e);
      }
    }
    return Main.OK;
  }

  private Object shownObject(long n, String small) {
    return n > 0 && n < threshold ? small : (Object) n;
  }

  private String shown(long n, String small) {
    return n > 0 && n < threshold ? small : Long.toString(n);
  }
}
