package org.ctdc.bench;

import java.util.concurrent.TimeUnit;
import org.ctdc.deid.DeidConfig;
import org.ctdc.deid.FrequencyTable;
import org.ctdc.deid.Metric;
import org.ctdc.deid.PrivacyModel;
import org.ctdc.deid.SchemaHierarchies;
import org.ctdc.samples.CtdcLikeData;
import org.ctdc.schema.Dataset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The one pass over the rows that builds the frequency table of distinct quasi-identifier combinations (the
 * level-0 table every lattice node is rolled up from): CTDC-like data, its 8 default quasi-identifiers.
 * Rows per second = rows ÷ the time per operation. Not thread-safe (JMH state).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class FrequencyTableBenchmark {

  /** Rows of generated data. */
  @Param({"100000", "1000000"})
  public int rows;

  Dataset data;
  DeidConfig config;

  /** Generates the data and the configuration (not measured). */
  @Setup(Level.Trial)
  public void setup() {
    data = CtdcLikeData.generate(rows, 1);
    config = SchemaHierarchies.configFor(data, CtdcLikeData.defaultQuasiIdentifiers())
        .k(PrivacyModel.CTDC_DEFAULT_K).suppressionLimit(0.05).metric(Metric.LOSS).build();
  }

  /**
   * Builds the frequency table ({@link FrequencyTable#of}, the table the search runs on).
   *
   * @return the records and distinct combinations counted, so that the work is not eliminated
   */
  @Benchmark
  public long buildFrequencyTable() {
    FrequencyTable t = FrequencyTable.of(data, config);
    return t.records() + t.size();
  }
}
