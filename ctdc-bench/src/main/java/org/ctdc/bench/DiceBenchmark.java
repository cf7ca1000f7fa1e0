package org.ctdc.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ctdc.link.Dice;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sørensen–Dice comparisons of 1,024-bit encodings per second on one thread (one operation = one pair, through
 * {@code @OperationsPerInvocation}): one query against {@value #N} encodings packed in one {@code long[]}, as the
 * matcher's inner loop does: {@link Dice#common} (one popcount per word) over the cardinalities counted once per
 * record. {@link #pairsCountingBoth} counts the cardinalities in the loop too ({@link Dice#similarity}). The
 * encodings are random here; the work per pair does not depend on the bits. Not thread-safe (JMH state).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class DiceBenchmark {
  static final int N = 4096;

  @Param({"1024"})
  public int bits;

  private long[] words;
  private long[] query;
  private int[] cards;
  private int queryCard;
  private int w;

  /** Random encodings. */
  @Setup(Level.Trial)
  public void setUp() {
    w = bits / 64;
    SplittableRandom r = new SplittableRandom(18);
    words = new long[N * w];
    for (int i = 0; i < words.length; i++) {
      words[i] = r.nextLong();
    }
    query = new long[w];
    for (int i = 0; i < w; i++) {
      query[i] = r.nextLong();
    }
    cards = new int[N];
    for (int j = 0; j < N; j++) {
      cards[j] = Dice.cardinality(words, j * w, w);
    }
    queryCard = Dice.cardinality(query, 0, w);
  }

  /**
   * @return the number of pairs at or above 0.5 (so the work is not removed)
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public int pairs() {
    int above = 0;
    for (int j = 0; j < N; j++) {
      if (2.0 * Dice.common(query, 0, words, j * w, w) / (queryCard + cards[j]) >= 0.5) {
        above++;
      }
    }
    return above;
  }

  /**
   * @return the number of pairs at or above 0.5, with the cardinalities counted per pair
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public int pairsCountingBoth() {
    int above = 0;
    for (int j = 0; j < N; j++) {
      if (Dice.similarity(query, 0, words, j * w, w) >= 0.5) {
        above++;
      }
    }
    return above;
  }
}
