package org.ctdc.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.ctdc.schema.Schema;
import org.ctdc.synth.internal.AttributeTable;
import org.ctdc.synth.internal.LongLongMap;

/**
 * The published counts: every reported combination of one to R attributes with its count (rounded down to the
 * resolution in k-synthetic mode, noisy and normalised in DP mode), and the {@link Accounting} of how they were
 * made. Synthesis reads nothing else. Written as CSV ({@code length,combination,count}; a combination is
 * {@code column=value} pairs joined by {@code ;} in schema column order) and its metadata as JSON.
 *
 * <p>Immutable and thread-safe.
 */
public final class Aggregates {

  /**
   * One reported combination.
   *
   * @param length its number of attributes
   * @param combination {@code column=value} pairs joined by {@code ;} in schema column order
   * @param count its reported count
   */
  public record Combination(int length, String combination, long count) {}

  private final AttributeTable table;
  private final int reportingLength;
  private final long[][] keys;
  private final long[][] counts;
  private final LongLongMap[] lookup;
  private final Accounting accounting;

  Aggregates(AttributeTable table, LongLongMap[] maps, Accounting accounting) {
    this.table = table;
    this.reportingLength = accounting.reportingLength();
    this.keys = new long[reportingLength + 1][];
    this.counts = new long[reportingLength + 1][];
    this.lookup = maps;
    this.keys[0] = new long[0];
    this.counts[0] = new long[0];
    for (int k = 1; k <= reportingLength; k++) {
      keys[k] = maps[k].sortedKeys();
      counts[k] = new long[keys[k].length];
      for (int i = 0; i < keys[k].length; i++) {
        counts[k][i] = maps[k].get(keys[k][i], 0);
      }
    }
    this.accounting = accounting;
  }

  AttributeTable table() {
    return table;
  }

  LongLongMap[] lookup() {
    return lookup;
  }

  /** @return the accounting */
  public Accounting accounting() {
    return accounting;
  }

  /** @return R */
  public int reportingLength() {
    return reportingLength;
  }

  /** @return the schema of the synthetic data: the chosen columns of the input's schema */
  public Schema outputSchema() {
    return table.outputSchema();
  }

  /**
   * @param length a length from 1 to R
   * @return how many combinations of it are reported
   */
  public int combinationCount(int length) {
    return keys[java.util.Objects.checkIndex(length, reportingLength + 1)].length;
  }

  /**
   * The reported combinations of one length, in attribute order.
   *
   * @param length a length from 1 to R
   * @return a new list
   */
  public List<Combination> combinations(int length) {
    List<Combination> out = new ArrayList<>();
    int[] ids = new int[reportingLength];
    long[] ks = keys[java.util.Objects.checkIndex(length, reportingLength + 1)];
    for (int i = 0; i < ks.length; i++) {
      out.add(new Combination(length, describe(ks[i], length, ids), counts[length][i]));
    }
    return out;
  }

  private String describe(long key, int length, int[] ids) {
    table.unpack(key, length, ids);
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < length; j++) {
      if (j > 0) {
        sb.append(';');
      }
      sb.append(table.describe(ids[j]));
    }
    return sb.toString();
  }

  /**
   * Writes the aggregates as CSV: {@code length,combination,count}, by length, then in attribute order.
   *
   * @param w the writer
   * @throws UncheckedIOException when writing fails
   */
  public void writeCsv(Writer w) {
    try {
      w.write("length,combination,count\n");
      int[] ids = new int[reportingLength];
      for (int k = 1; k <= reportingLength; k++) {
        for (int i = 0; i < keys[k].length; i++) {
          w.write(Integer.toString(k));
          w.write(',');
          w.write(csvCell(describe(keys[k][i], k, ids)));
          w.write(',');
          w.write(Long.toString(counts[k][i]));
          w.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String csvCell(String s) {
    return org.ctdc.schema.internal.CsvLine.field(s);
  }

  /**
   * The metadata of the aggregates: the accounting and the number of combinations by length, as JSON.
   *
   * @return the JSON text, deterministic
   */
  public String metadataJson() {
    return Reports.object(g -> {
      g.writeFieldName("accounting");
      Reports.accounting(g, accounting);
      g.writeArrayFieldStart("combinationsByLength");
      for (int k = 1; k <= reportingLength; k++) {
        g.writeNumber(keys[k].length);
      }
      g.writeEndArray();
    });
  }

  /** @return the mode and the combination counts, never a value */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Aggregates[").append(accounting.mode().word());
    for (int k = 1; k <= reportingLength; k++) {
      sb.append(", ").append(k).append(':').append(keys[k].length);
    }
    return sb.append(']').toString();
  }
}
