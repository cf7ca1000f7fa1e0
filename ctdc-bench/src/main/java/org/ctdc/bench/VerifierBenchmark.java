package org.ctdc.bench;

import java.util.concurrent.TimeUnit;
import org.ctdc.samples.CtdcLikeData;
import org.ctdc.deid.verify.VerificationResult;
import org.ctdc.deid.verify.VerificationSpec;
import org.ctdc.deid.verify.Verifier;
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
 * The independent verifier on generated CTDC-like data (eight default quasi-identifiers, missing as its
 * own value, k = 11, distinct 2-diversity on isSexualExploit and 5 % suppression limit): the cost of
 * re-checking a release of the size the search produces.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VerifierBenchmark {

  @Param({"100000", "1000000"})
  public int rows;

  private Dataset data;
  private VerificationSpec spec;

  @Setup(Level.Trial)
  public void setUp() {
    data = CtdcLikeData.generate(rows, 20240601L);
    spec = VerificationSpec.builder().quasiIdentifiers(CtdcLikeData.defaultQuasiIdentifiers()).k(11)
        .distinctL("isSexualExploit", 2).suppressionLimit(0.05, rows).build();
  }

  @Benchmark
  public VerificationResult verify() {
    return Verifier.verify(data, spec);
  }
}
