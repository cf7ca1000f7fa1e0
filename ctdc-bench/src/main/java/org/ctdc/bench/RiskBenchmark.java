package org.ctdc.bench;

import java.util.concurrent.TimeUnit;
import org.ctdc.deid.risk.RiskMeasures;
import org.ctdc.deid.risk.RiskOptions;
import org.ctdc.deid.risk.RiskReport;
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
 * Risk measures over the eight default quasi-identifiers of generated CTDC-like data, with missing as its
 * own value and under the wildcard rule; and the generator itself (rows per second, allocation per row
 * with {@code -prof gc}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RiskBenchmark {

  @Param({"100000", "1000000"})
  public int rows;

  private Dataset data;

  @Setup(Level.Trial)
  public void setUp() {
    data = CtdcLikeData.generate(rows, 20240601L);
  }

  @Benchmark
  public RiskReport riskOwnValue() {
    return RiskMeasures.of(data, CtdcLikeData.defaultQuasiIdentifiers(), RiskOptions.defaults());
  }

  @Benchmark
  public RiskReport riskWildcard() {
    return RiskMeasures.of(data, CtdcLikeData.defaultQuasiIdentifiers(),
        RiskOptions.defaults().withMissingAsWildcard(true));
  }

  @Benchmark
  public Dataset generate() {
    return CtdcLikeData.generate(rows, 7L);
  }
}
