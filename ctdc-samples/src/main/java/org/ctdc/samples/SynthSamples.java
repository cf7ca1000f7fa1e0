package org.ctdc.samples;

import java.util.SplittableRandom;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/**
 * A seeded generator of categorical records for the synthesis module's tests and benchmarks: columns
 * {@code c0, c1, ...}, column {@code c} with {@code 2 + c % 7} codes {@code v0, v1, ...}; the first column
 * uniform, each other one missing one time in ten and otherwise tied to the first (a third of the records) or
 * skewed towards {@code v0}, so that the marginals of two and more columns are far from independent. The same
 * size, column count and seed always give the same records, code for code; the values are invented.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class SynthSamples {

  /** The name of the generated records' schema (version {@code "1"}). */
  public static final String SCHEMA_NAME = "synth-samples";

  private SynthSamples() {}

  /**
   * Generates the records.
   *
   * @param rows the number of records, at least 0
   * @param columns the number of columns, at least 1
   * @param seed the seed of the generator
   * @return the records, in a schema named {@value #SCHEMA_NAME}
   * @throws IllegalArgumentException if {@code rows} is negative or {@code columns} below 1
   */
  public static Dataset categorical(int rows, int columns, long seed) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative, was " + rows);
    }
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be at least 1, was " + columns);
    }
    Schema.Builder sb = Schema.builder(SCHEMA_NAME, "1");
    int[] sizes = new int[columns];
    for (int c = 0; c < columns; c++) {
      sizes[c] = 2 + c % 7;
      String[] codes = new String[sizes[c]];
      for (int v = 0; v < sizes[c]; v++) {
        codes[v] = "v" + v;
      }
      sb.add(Variable.builder("c" + c, VariableKind.CATEGORICAL).values(ValueSet.ofCodes(codes)).build());
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    Dataset.Appender a = Dataset.appender(sb.build());
    for (int r = 0; r < rows; r++) {
      int first = rnd.nextInt(sizes[0]);
      a.setCode(0, first);
      for (int c = 1; c < columns; c++) {
        if (rnd.nextInt(10) == 0) {
          continue;
        }
        int v = rnd.nextInt(3) == 0 ? first % sizes[c] : 0;
        while (v < sizes[c] - 1 && rnd.nextInt(4) == 0) {
          v++;
        }
        a.setCode(c, v);
      }
      a.endRow();
    }
    return a.build();
  }
}
