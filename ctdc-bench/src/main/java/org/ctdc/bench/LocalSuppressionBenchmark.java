package org.ctdc.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ctdc.deid.transform.LocalSuppression;
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
 * Local suppression (sdcMicro's heuristic, wildcard rule) to k = 11 over the eight default
 * quasi-identifiers of generated CTDC-like data. Target: 10^5 rows in at most 10 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LocalSuppressionBenchmark {

  @Param({"10000", "100000"})
  public int rows;

  private Dataset data;
  private List<String> qis;

  @Setup(Level.Trial)
  public void setUp() {
    data = CtdcLikeData.generate(rows, 20240601L);
    qis = CtdcLikeData.defaultQuasiIdentifiers();
  }

  @Benchmark
  public LocalSuppression.Result suppressToK11() {
    return LocalSuppression.of(qis, 11).apply(data);
  }
}
