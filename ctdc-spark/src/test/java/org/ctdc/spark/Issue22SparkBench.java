package org.ctdc.spark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ctdc.deid.DeidConfig;
import org.ctdc.deid.DeidResult;
import org.ctdc.deid.Deidentifier;
import org.ctdc.deid.FrequencyTable;
import org.ctdc.deid.Metric;
import org.ctdc.deid.PrivacyModel;
import org.ctdc.deid.SchemaHierarchies;
import org.ctdc.samples.CtdcLikeData;
import org.ctdc.schema.DatasetCsv;

/**
 * Issue 22's benchmark (a program, not a test): generated CTDC-like records written once as CSV, then
 * de-identified by the single-machine run (read, run) and by Spark in local mode (read, frequency table,
 * run with release verification, release count), paired in one JVM with the same data and flags. Prints
 * wall and process CPU seconds of each step, the frequency table's size and the per-row cost of the
 * group-by.
 *
 * <pre>{@code java <spark --add-opens flags> -Xmx3g -cp <test class path> org.ctdc.spark.Issue22SparkBench ROWS DIR}</pre>
 */
public final class Issue22SparkBench {
  private Issue22SparkBench() {}

  private static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  private static void line(String step, long t0, double c0) {
    System.out.printf(Locale.ROOT, "%-28s wall %8.2f s  cpu %8.2f s%n", step, (System.nanoTime() - t0) / 1e9,
        cpu() - c0);
  }

  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    Files.createDirectories(dir);
    Path csv = dir.resolve("input-" + rows + ".csv");
    if (!Files.exists(csv)) {
      DatasetCsv.write(CtdcLikeData.generate(rows, 22), csv);
    }
    System.out.println("rows " + rows + ", input " + Files.size(csv) / 1_000_000 + " MB CSV");

    long t = System.nanoTime();
    double c = cpu();
    org.ctdc.schema.Dataset local = DatasetCsv.read(csv, CtdcLikeData.schema(), DatasetCsv.CsvOptions.defaults())
        .dataset();
    line("local: read CSV", t, c);
    DeidConfig config = SchemaHierarchies.configFor(local, CtdcLikeData.defaultQuasiIdentifiers())
        .k(PrivacyModel.CTDC_DEFAULT_K).suppressionLimit(0.05).metric(Metric.PRECISION).build();
    t = System.nanoTime();
    c = cpu();
    FrequencyTable localTable = FrequencyTable.of(local, config);
    line("local: frequency table", t, c);
    t = System.nanoTime();
    c = cpu();
    DeidResult one = Deidentifier.of(config).run(local);
    line("local: run (table+search+release+risk)", t, c);
    System.out.println("local: " + one.report().summary());
    local = null;
    one = null;
    System.gc();

    SparkSession spark = SparkSession.builder().master(System.getProperty("bench.master", "local[2]"))
        .appName("ctdc-issue22-bench").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    Dataset<Row> input = spark.read().option("header", "true").option("escape", "\"").csv(csv.toString());
    SparkDeidentifier op = SparkDeidentifier.of(config, CtdcLikeData.schema());
    t = System.nanoTime();
    c = cpu();
    FrequencyTable table = op.frequencyTable(input);
    line("spark: frequency table", t, c);
    System.out.println("table: " + table.size() + " combinations (" + (table.equals(localTable) ? "equal to"
        : "DIFFERENT from") + " the local table), " + table.records() + " records");
    t = System.nanoTime();
    c = cpu();
    SparkDeidResult many = op.run(input);
    line("spark: run (incl. verify)", t, c);
    t = System.nanoTime();
    c = cpu();
    long released = many.release().count();
    line("spark: release count", t, c);
    System.out.println("spark: " + many.report().summary() + "; released " + released);
    spark.stop();
  }
}
