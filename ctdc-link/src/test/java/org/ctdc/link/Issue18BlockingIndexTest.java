package org.ctdc.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.ctdc.link.internal.BandIndex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18 (performance): the direct-address band index finds exactly the records whose band key equals the
 * query's, for tables where the key is the slot and for hashed slots; the matcher compares exactly the pairs the
 * blocking's definition lets through, each once; the unrolled Dice of 1,024 bits equals the word-by-word count.
 */
class Issue18BlockingIndexTest {

  /** Encodings of {@code n} records, some empty, with bits set with probability 1/2 plus near-copies. */
  private static long[] words(SplittableRandom r, int n, int w, boolean[] empty) {
    long[] x = new long[n * w];
    for (int i = 0; i < n; i++) {
      empty[i] = r.nextInt(10) == 0;
      if (empty[i]) {
        continue;
      }
      if (i > 0 && r.nextInt(3) == 0) {
        // a near-copy of an earlier record, so that runs hold several records
        int src = r.nextInt(i);
        System.arraycopy(x, src * w, x, i * w, w);
        x[i * w + r.nextInt(w)] ^= 1L << r.nextInt(64);
      } else {
        for (int k = 0; k < w; k++) {
          x[i * w + k] = r.nextLong();
        }
      }
    }
    return x;
  }

  private static int[][] samples(SplittableRandom r, int bands, int bits, int length) {
    int[][] s = new int[bands][bits];
    for (int[] b : s) {
      for (int i = 0; i < bits; i++) {
        b[i] = r.nextInt(length);
      }
    }
    return s;
  }

  @ParameterizedTest
  @CsvSource({"1, 300, 4", "2, 300, 18", "3, 5, 18", "4, 2000, 3", "5, 1, 7", "6, 700, 31"})
  void issue18_theBandIndexFindsExactlyTheRecordsWithTheQuerysKey(long seed, int n, int keyBits) {
    SplittableRandom r = new SplittableRandom(seed);
    int w = 4;
    boolean[] empty = new boolean[n];
    long[] x = words(r, n, w, empty);
    int[][] samples = samples(r, 6, keyBits, w * 64);
    BandIndex idx = BandIndex.of(x, w, empty, samples);
    long[] queries = words(r, 50, w, new boolean[50]);
    for (int band = 0; band < samples.length; band++) {
      for (int q = 0; q < 50 + n; q++) {
        // queries: fresh encodings and the indexed records themselves
        long[] src = q < 50 ? queries : x;
        int off = (q < 50 ? q : q - 50) * w;
        long k = BandIndex.key(src, off, samples[band]);
        TreeSet<Integer> want = new TreeSet<>();
        for (int j = 0; j < n; j++) {
          if (!empty[j] && BandIndex.key(x, j * w, samples[band]) == k) {
            want.add(j);
          }
        }
        TreeSet<Integer> got = new TreeSet<>();
        long[] e = idx.entries(band);
        for (int p = idx.start(band, k); p < idx.end(band, k); p++) {
          if ((e[p] >>> 32) == k) {
            got.add((int) e[p]);
          }
        }
        assertEquals(want, got, "band " + band + " query " + q);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void issue18_theMatcherComparesExactlyThePairsThatMeetInABandEachOnce(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int w = 16;
    List<ClkSet> sets = new ArrayList<>();
    for (String name : new String[] {"a", "b", "c"}) {
      int n = 400 + r.nextInt(200);
      boolean[] empty = new boolean[n];
      long[] x = words(r, n, w, empty);
      List<Clk> clks = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        clks.add(new Clk(name + i, empty[i] ? new long[0] : java.util.Arrays.copyOfRange(x, i * w, (i + 1) * w)));
      }
      sets.add(ClkSet.of(name, clks));
    }
    // few bits a band, so that many pairs meet, most of them in several bands
    LinkConfig cfg = LinkConfig.builder("id").field(LinkConfig.Field.of("n", "n", FieldKind.NAME, 1)).blocking(24, 5).build();
    MatchResult got = Matcher.builder(cfg).threads(2).build().match(sets);
    // the blocking's definition: a pair of records of two sources meets when it agrees on every sampled bit of
    // some band; the samples are those pairCompleteness uses, so a pair meets exactly when it is "let through"
    Matcher m = Matcher.builder(cfg).build();
    long meet = 0;
    long[] hist = new long[MatchResult.BINS];
    for (int x = 0; x < sets.size(); x++) {
      for (int y = x + 1; y < sets.size(); y++) {
        ClkSet a = sets.get(x);
        ClkSet b = sets.get(y);
        for (int i = 0; i < a.size(); i++) {
          for (int j = 0; j < b.size(); j++) {
            Match pair = new Match(new RecordRef(a.source(), a.ids().get(i)), new RecordRef(b.source(), b.ids().get(j)), 1);
            if (m.pairCompleteness(List.of(a, b), List.of(pair)) == 1) {
              meet++;
              double s = Dice.similarity(a.words(), i * w, b.words(), j * w, w);
              hist[Math.min(MatchResult.BINS - 1, (int) (s * MatchResult.BINS))]++;
            }
          }
        }
      }
    }
    assertEquals(meet, got.comparisons());
    assertEquals(java.util.Arrays.toString(hist), java.util.Arrays.toString(got.histogram()));
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23, 24})
  void issue18_theUnrolledDiceOf1024BitsEqualsTheWordByWordCount(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] a = new long[16 * 5 + 3];
    long[] b = new long[16 * 7 + 1];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextLong() & r.nextLong();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = r.nextLong() | r.nextLong();
    }
    for (int t = 0; t < 200; t++) {
      int offA = r.nextInt(a.length - 15);
      int offB = r.nextInt(b.length - 15);
      int want = 0;
      for (int i = 0; i < 16; i++) {
        want += Long.bitCount(a[offA + i] & b[offB + i]);
      }
      assertEquals(want, Dice.common(a, offA, b, offB, 16));
      int w = 1 + r.nextInt(15);
      int want2 = 0;
      for (int i = 0; i < w; i++) {
        want2 += Long.bitCount(a[offA + i] & b[offB + i]);
      }
      assertEquals(want2, Dice.common(a, offA, b, offB, w));
    }
  }
}
