package org.ctdc.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.ctdc.deid.DeidConfig;
import org.ctdc.deid.DeidResult;
import org.ctdc.deid.Deidentifier;
import org.ctdc.deid.Hierarchy;
import org.ctdc.deid.Metric;
import org.ctdc.deid.risk.RiskMeasures;
import org.ctdc.deid.risk.RiskOptions;
import org.ctdc.deid.verify.Verifier;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.InferredSchemas;
import org.ctdc.schema.Schema;

/**
 * Per-stage times of an in-process de-identification (issue 19): plan (frequency table and search), the
 * whole run (search, release, risk before and after), risk alone on the input and on the release, and the
 * verifier; wall and process CPU time, heap; and the SHA-256 of the release CSV and of the report (without
 * its elapsed time), to prove outputs identical across versions and thread counts.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.ctdc.bench.DeidStages highcard|adult ROWS THREADS REPS}.
 * Not thread-safe (a command-line tool).
 */
public final class DeidStages {
  private DeidStages() {}

  static long cpu() {
    // utime + stime of this process, in clock ticks of 10 ms (Linux)
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static String sha(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The SHA-256 prefix of a dataset's CSV, hashed as it is written (the same digest as {@link #sha} of the
   * whole CSV string, without holding it: at 10M rows the string does not fit a 2 GB heap).
   */
  static String csvSha(Dataset data) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (Writer w = new OutputStreamWriter(
          new DigestOutputStream(OutputStream.nullOutputStream(), md), StandardCharsets.UTF_8)) {
        DatasetCsv.write(data, w);
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Dataset adult() {
    Schema schema;
    try (Reader r = GeneralisationBenchmark.Adult.reader("adult.csv")) {
      schema = InferredSchemas.fromCsv(r, "adult.csv", "adult", ';', List.of(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Reader r = GeneralisationBenchmark.Adult.reader("adult.csv")) {
      return DatasetCsv.read(r, "adult.csv", schema, DatasetCsv.CsvOptions.defaults()).dataset();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DeidConfig adultConfig(double limit, int threads) {
    DeidConfig.Builder b = DeidConfig.builder();
    for (String q : GeneralisationBenchmark.Adult.QIS) {
      try (Reader r = GeneralisationBenchmark.Adult.reader("adult_hierarchy_" + q + ".csv")) {
        b.quasiIdentifier(q, Hierarchy.readArx(r, q, ';'));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return b.k(5).suppressionLimit(limit).metric(Metric.PRECISION).threads(threads).build();
  }

  /**
   * Runs.
   *
   * @param args data, rows (or the suppression limit for adult), threads, repetitions
   */
  public static void main(String[] args) {
    String what = args[0];
    int threads = Integer.parseInt(args[2]);
    int reps = Integer.parseInt(args[3]);
    Dataset data;
    DeidConfig config;
    if (what.equals("adult")) {
      data = adult();
      config = adultConfig(Double.parseDouble(args[1]), threads);
    } else {
      data = HighCardinalityDeid.generate(Integer.parseInt(args[1]), 19);
      config = HighCardinalityDeid.config(threads);
    }
    Deidentifier d = Deidentifier.of(config);
    RiskOptions ro = new RiskOptions(config.riskSmallClassThreshold(), config.riskThreshold(), "", false);
    for (int rep = 0; rep < reps; rep++) {
      long w0 = System.nanoTime();
      long c0 = cpu();
      d.plan(data);
      long w1 = System.nanoTime();
      long c1 = cpu();
      DeidResult res = d.run(data);
      long w2 = System.nanoTime();
      long c2 = cpu();
      RiskMeasures.of(data, config.quasiIdentifiers(), ro);
      RiskMeasures.of(res.release(), config.quasiIdentifiers(), ro);
      long w3 = System.nanoTime();
      long c3 = cpu();
      boolean ok = Verifier.verify(res.release(), res.verificationSpec()).passed();
      long w4 = System.nanoTime();
      long c4 = cpu();
      Runtime rt = Runtime.getRuntime();
      String line = String.format(java.util.Locale.ROOT,
          "%s rows=%d threads=%d plan %.0f ms (cpu %.0f) | run %.0f ms (cpu %.0f) | risk x2 %.0f ms (cpu %.0f)"
              + " | verify %.0f ms (cpu %.0f) %s | heap used %d MB | load %.2f",
          what, data.rowCount(), threads, (w1 - w0) / 1e6, (c1 - c0) / 1e6, (w2 - w1) / 1e6, (c2 - c1) / 1e6,
          (w3 - w2) / 1e6, (c3 - c2) / 1e6, (w4 - w3) / 1e6, (c4 - c3) / 1e6, ok ? "passed" : "FAILED",
          (rt.totalMemory() - rt.freeMemory()) >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.println(line);
      if (rep == reps - 1) {
        String report = res.report().toJson().replaceAll("\"elapsed[A-Za-z]*\"\\s*:\\s*[0-9]+", "");
        System.out.println("levels " + res.levels() + " release sha " + csvSha(res.release()) + " report sha "
            + sha(report) + " evaluations " + res.report().nodesEvaluated());
      }
    }
  }
}
