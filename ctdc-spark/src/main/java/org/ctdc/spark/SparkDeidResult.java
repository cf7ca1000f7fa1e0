package org.ctdc.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.ctdc.deid.DeidReport;
import org.ctdc.schema.Schema;

/**
 * A verified release on the cluster and its report. Only a release that passed {@link ClusterVerifier} is
 * ever made into one: {@link SparkDeidentifier#run} throws otherwise, so nothing unverified can be written.
 *
 * <p>This class is immutable and thread-safe (the release is a lazily computed, deterministic Spark plan:
 * each action recomputes the same rows).
 */
public final class SparkDeidResult {
  /** The report's file name in the output folder. */
  public static final String REPORT_FILE = "report.json";
  /** The release's folder name in the output folder. */
  public static final String RELEASE_FOLDER = "release";

  private final Dataset<Row> release;
  private final DeidReport report;
  private final ClusterVerifier.Result verification;
  private final Schema schema;

  SparkDeidResult(Dataset<Row> release, DeidReport report, ClusterVerifier.Result verification, Schema schema) {
    this.release = release;
    this.report = report;
    this.verification = verification;
    this.schema = schema;
  }

  /** @return the release: a string column per released variable, null for missing */
  public Dataset<Row> release() {
    return release;
  }

  /** @return the report, as the single-machine run writes it (its time is this run's) */
  public DeidReport report() {
    return report;
  }

  /** @return the verification the release passed */
  public ClusterVerifier.Result verification() {
    return verification;
  }

  /**
   * Writes the release to {@code folder/release} (Parquet, or CSV with a header line, the schema's
   * delimiter and its first missing token for missing) and the report to {@code folder/report.json} on the
   * same file system (local, HDFS, S3, ... as the session's Hadoop configuration reaches). An existing
   * release folder is replaced.
   *
   * @param folder the output folder, a Hadoop path or URI
   * @param format the release's format
   * @throws SparkDeidException if the report cannot be written
   */
  public void write(String folder, OutputFormat format) {
    String dir = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    var w = release.write().mode(SaveMode.Overwrite);
    if (format == OutputFormat.CSV) {
      w.option("header", "true").option("delimiter", String.valueOf(schema.format().delimiter()))
          .option("nullValue", schema.format().missingTokens().get(0)).option("quote", "\"").option("escape", "\"")
          .csv(dir + "/" + RELEASE_FOLDER);
    } else {
      w.parquet(dir + "/" + RELEASE_FOLDER);
    }
    Configuration conf = release.sparkSession().sparkContext().hadoopConfiguration();
    Path path = new Path(dir + "/" + REPORT_FILE);
    try (OutputStream out = path.getFileSystem(conf).create(path, true)) {
      out.write(report.toJson().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SparkDeidException("cannot write " + REPORT_FILE + " in the output folder: "
          + e.getClass().getSimpleName(), e);
    }
  }

  /** @return the sizes, never a value */
  @Override
  public String toString() {
    return "SparkDeidResult[" + report.summary() + "]";
  }
}
