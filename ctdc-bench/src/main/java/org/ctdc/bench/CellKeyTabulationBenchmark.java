package org.ctdc.bench;

import java.util.concurrent.TimeUnit;
import org.ctdc.samples.CtdcLikeData;
import org.ctdc.deid.table.CellKeys;
import org.ctdc.deid.table.PerturbationTable;
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
 * Cell-key tabulation: counts and cell keys (sum of record keys modulo 2^32) of a citizenship × year × gender
 * table in one pass over CTDC-like rows, then every cell perturbed with the shipped perturbation table.
 * Not thread-safe (JMH state).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class CellKeyTabulationBenchmark {

  /** Rows of generated data. */
  @Param({"100000", "1000000"})
  public int rows;

  int[] citizenship;
  int[] year;
  int[] gender;
  int nCitizenship;
  int nGender;
  long[] recordKeys;
  PerturbationTable ptable;

  /** Generates the data, the record keys and the columns (not measured). */
  @Setup(Level.Trial)
  public void setup() {
    Dataset d = CtdcLikeData.generate(rows, 1);
    int c = d.column("citizenship");
    int g = d.column("gender");
    int y = d.column("yearOfRegistration");
    citizenship = d.codes(c);
    gender = d.codes(g);
    nCitizenship = d.variable(c).values().size() + 1;
    nGender = d.variable(g).values().size() + 1;
    year = new int[rows];
    for (int r = 0; r < rows; r++) {
      year[r] = d.isMissing(r, y) ? 0 : d.intValue(r, y) - 2000 + 1;
    }
    recordKeys = CellKeys.assign(rows, 42);
    ptable = PerturbationTable.standard();
  }

  /**
   * Tabulates and perturbs.
   *
   * @return the sum of the published counts
   */
  @Benchmark
  public long tabulateAndPerturb() {
    int nYear = 40;
    int cells = nCitizenship * nYear * nGender;
    long[] count = new long[cells];
    long[] key = new long[cells];
    for (int r = 0; r < rows; r++) {
      int ci = citizenship[r] < 0 ? 0 : citizenship[r] + 1;
      int gi = gender[r] < 0 ? 0 : gender[r] + 1;
      int cell = (ci * nYear + Math.min(year[r], nYear - 1)) * nGender + gi;
      count[cell]++;
      key[cell] = (key[cell] + recordKeys[r]) & 0xFFFF_FFFFL;
    }
    long published = 0;
    for (int i = 0; i < cells; i++) {
      published += ptable.perturb(count[i], key[i]);
    }
    return published;
  }
}
