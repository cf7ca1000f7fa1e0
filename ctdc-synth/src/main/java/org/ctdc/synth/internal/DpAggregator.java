package org.ctdc.synth.internal;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.ProgressListener;
import org.ctdc.synth.Budget;
import org.ctdc.synth.SynthConfig;
import org.ctdc.synth.SynthException;
import org.ctdc.synth.noise.DiscreteGaussian;
import org.ctdc.synth.noise.DiscreteLaplace;
import org.jspecify.annotations.Nullable;

/**
 * SDS's DP marginals with discrete noise: the noisy record count, the budget split, then for each length the
 * DP percentile of the per-record number of valid combinations (exponential mechanism), a random subset of
 * that many combinations kept per record, discrete Gaussian noise on every candidate's count, the threshold,
 * and finally the normalisation. Every draw of the noise and of the percentiles comes from the one generator,
 * in a fixed order (lengths in order, combinations in key order), so a seed fixes the result whatever the
 * number of threads. Thread-safe (stateless).
 */
public final class DpAggregator {
  private static final long RATE_DENOMINATOR = DiscreteLaplace.RATE_DENOMINATOR;
  /** The largest per-record sensitivity the percentile considers. */
  static final int MAX_SENSITIVITY = 1 << 20;
  /** The most blocks the candidates' noise is drawn in. */
  static final int NOISE_BLOCKS = 64;
  /**
   * The most candidates of one length counted in a dense array (beyond, in a hash map of the candidates met): at
   * most 4 bytes per candidate and thread and 8 for its key.
   */
  static final long TRIE_LIMIT = 1 << 24;

  private DpAggregator() {}

  /**
   * The result.
   *
   * @param counts one map per length 1..R of the published noisy counts
   * @param protectedRecordCount n'
   * @param budget the budget split
   * @param sensitivities Delta_1..Delta_R at indexes 1..R
   * @param thresholds rho_1..rho_R at indexes 1..R
   */
  public record Result(LongLongMap[] counts, long protectedRecordCount, Budget budget, int[] sensitivities,
      double[] thresholds) {}

  /**
   * Runs.
   *
   * @param data the sensitive data
   * @param table its attributes (domain from the schema)
   * @param config the configuration, mode DP
   * @param rng the generator of the noise
   * @param seeded whether rng is seeded (then the noise of each block comes from a generator it seeds)
   * @param threads threads for the passes over the records
   * @param progress the listener (stages {@code "aggregating"}, {@code "noising"})
   * @param cancellation the signal
   * @return the result
   */
  public static Result run(Dataset data, AttributeTable table, SynthConfig config, RandomGenerator rng,
      boolean seeded, int threads, ProgressListener progress, Cancellation cancellation) {
    return run(data, table, config, rng, seeded, threads, progress, cancellation, TRIE_LIMIT);
  }

  /** As {@link #run}, counting in a candidate trie while a length has at most trieLimit candidates. */
  static Result run(Dataset data, AttributeTable table, SynthConfig config, RandomGenerator rng,
      boolean seeded, int threads, ProgressListener progress, Cancellation cancellation, long trieLimit) {
    int r = config.reportingLength();
    table.requireFits(r);
    int n = data.rowCount();
    double epsN = config.numberOfRecordsEpsilonProportion() * config.epsilon();
    long s = (long) Math.floor(epsN * RATE_DENOMINATOR);
    if (s < 1) {
      throw new SynthException("epsilon: epsilon times numberOfRecordsEpsilonProportion is below 1e-9");
    }
    long protectedCount = Math.max(0, n + DiscreteLaplace.withRate(s, RATE_DENOMINATOR).sample(rng));
    double delta = config.delta().orElseGet(() -> {
      double np = Math.max(3, protectedCount);
      return 1 / (np * Math.log(np));
    });
    Budget budget = Budget.split(config.epsilon(), delta, config.numberOfRecordsEpsilonProportion(),
        config.percentileEpsilonProportion(), config.sigmaProportions());
    LongLongMap[] survived = new LongLongMap[r + 1];
    Extensions ext = new Extensions(table.size());
    int[] sens = new int[r + 1];
    double[] rho = new double[r + 1];
    int maxAttrs = Math.max(1, table.maxPerRecord());
    int parts = Math.max(1, Math.min(threads, (n + ExactCounter.CHUNK - 1) / ExactCounter.CHUNK));
    for (int k = 1; k <= r; k++) {
      int kk = k;
      int cap = (int) Math.min(MAX_SENSITIVITY, binomial(maxAttrs, k));
      @Nullable CandidateTrie trie = CandidateTrie.build(table, survived, k, trieLimit);
      long[] keys;
      long[] values;
      if (trie != null) {
        CandidateTrie tr = trie;
        int size = tr.keys.length;
        // one pass: every valid combination of every record counted in dense arrays by candidate number, and the
        // per-record numbers of valid combinations
        int[] perRecord = new int[n];
        List<Object[]> partials = Parallel.run(parts, parts, p -> {
          int[] all = new int[size];
          long[] h = new long[cap + 1];
          CandidateTrie.Walker e = tr.new Walker(table, maxAttrs);
          forRows(n, parts, p, cancellation, row -> {
            int c = e.list(data, row, false);
            perRecord[row] = c;
            h[Math.min(cap, c)]++;
            int[] found = e.found;
            for (int i = 0; i < c; i++) {
              all[found[i]]++;
            }
          });
          return new Object[] {all, h};
        });
        int[] cnt = (int[]) partials.get(0)[0];
        List<long[]> hists = new java.util.ArrayList<>();
        for (int i = 0; i < partials.size(); i++) {
          hists.add((long[]) partials.get(i)[1]);
          if (i > 0) {
            addInto(cnt, (int[]) partials.get(i)[0]);
          }
        }
        sens[k] = percentile(sum(hists, cap), n, config.percentile() / 100, budget.percentileEpsilon(), rng);
        int allowed = sens[k];
        long subsetSeed = rng.nextLong();
        // a candidate met in any record is listed, even when only in combinations left out (count 0)
        long[] met = new long[(size + 63) >>> 6];
        for (int x = 0; x < size; x++) {
          if (cnt[x] > 0) {
            met[x >>> 6] |= 1L << x;
          }
        }
        // the records with more than Delta_k keep a random subset of Delta_k: the others are taken off again
        boolean over = false;
        for (int c : perRecord) {
          over |= c > allowed;
        }
        List<int[]> dropped = !over ? List.of() : Parallel.run(parts, parts, p -> {
          int[] off = new int[size];
          CandidateTrie.Walker e = tr.new Walker(table, maxAttrs);
          forRows(n, parts, p, cancellation, row -> {
            if (perRecord[row] <= allowed) {
              return;
            }
            int c = e.list(data, row, false);
            int[] found = e.found;
            SplittableRandom pick = new SplittableRandom(mix(subsetSeed, row));
            for (int i = 0; i < allowed; i++) {
              int j = i + pick.nextInt(c - i);
              int t = found[i];
              found[i] = found[j];
              found[j] = t;
            }
            for (int i = allowed; i < c; i++) {
              off[found[i]]++;
            }
          });
          return off;
        });
        for (int[] off : dropped) {
          for (int x = 0; x < size; x++) {
            cnt[x] -= off[x];
          }
        }
        int present = 0;
        for (int x = 0; x < size; x++) {
          if (k == 1 || cnt[x] > 0 || (met[x >>> 6] & (1L << x)) != 0) {
            present++;
          }
        }
        keys = new long[present];
        values = new long[present];
        int i = 0;
        for (int x = 0; x < size; x++) {
          if (k == 1 || cnt[x] > 0 || (met[x >>> 6] & (1L << x)) != 0) {
            keys[i] = tr.keys[x];
            values[i++] = cnt[x];
          }
        }
      } else {
        LongLongMap counts = countByHashing(data, table, ext, config, budget, kk, cap, maxAttrs, n, parts, sens, rng,
            cancellation);
        keys = counts.sortedKeys();
        values = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
          values[i] = counts.get(keys[i], 0);
        }
      }
      double sigmaK = budget.sigmas().get(k - 1);
      double scale = sigmaK * Math.sqrt(sens[k]);
      if (k == 1) {
        // (1 - delta/2)^(1/Delta_1) = 1 - tail, tail computed without cancellation
        double tail = -Math.expm1(Math.log1p(-delta / 2) / sens[1]);
        // raised by the quantile's error bound, so that the threshold is never below the exact one
        rho[1] = 1 + scale * NormalQuantile.upper(tail) * (1 + NormalQuantile.MARGIN);
      } else if (config.thresholdType() == SynthConfig.ThresholdType.FIXED) {
        rho[k] = config.threshold(k);
      } else {
        rho[k] = sigmaK * Math.sqrt(sens[1]) * NormalQuantile.upper(config.threshold(k) / 2);
      }
      DiscreteGaussian noise = DiscreteGaussian.atLeastSigmaSquared(scale * scale);
      // the noise in fixed blocks of the sorted candidates, each with its own generator (from the seed, one
      // draw of the main generator per block in block order; else a SecureRandom of its own), run in parallel
      int blocks = (int) Math.min(NOISE_BLOCKS, Math.max(1, keys.length / 1024));
      RandomGenerator[] gens = new RandomGenerator[blocks];
      for (int b = 0; b < blocks; b++) {
        gens[b] = seeded ? new SplittableRandom(rng.nextLong()) : new java.security.SecureRandom();
      }
      double rhoK = rho[k];
      List<LongLongMap> keptParts = Parallel.run(threads, blocks, b -> {
        int from = (int) ((long) keys.length * b / blocks);
        int to = (int) ((long) keys.length * (b + 1) / blocks);
        LongLongMap part = new LongLongMap((to - from) / 4 + 16);
        for (int i = from; i < to; i++) {
          if (((i - from) & 0xFFF) == 0) {
            cancellation.throwIfCancelled("synthesis");
          }
          long noisy = values[i] + noise.sample(gens[b]);
          if (noisy > rhoK) {
            part.put(keys[i], noisy);
          }
        }
        return part;
      });
      LongLongMap kept = keptParts.get(0);
      for (int b = 1; b < keptParts.size(); b++) {
        kept.addAll(keptParts.get(b));
      }
      progress.onProgress("noising", k, r);
      survived[k] = kept;
      if (k < r) {
        ext.add(kept, k, table);
      }
      progress.onProgress("aggregating", k, r);
    }
    normalise(survived, r, table);
    return new Result(survived, protectedCount, budget, sens, rho);
  }

  /** Pass 1 and 2 of one length with the candidates in a hash map, when they are too many for the trie. */
  private static LongLongMap countByHashing(Dataset data, AttributeTable table, Extensions ext, SynthConfig config,
      Budget budget, int k, int cap, int maxAttrs, int n, int parts, int[] sens, RandomGenerator rng,
      Cancellation cancellation) {
      // pass 1: the per-record numbers of valid combinations
    List<long[]> hists = Parallel.run(parts, parts, p -> {
      long[] h = new long[cap + 1];
      Enumerator e = new Enumerator(table, ext, k, maxAttrs);
      forRows(n, parts, p, cancellation, row -> h[Math.min(cap, e.list(data, row, true))]++);
      return h;
    });
    sens[k] = percentile(sum(hists, cap), n, config.percentile() / 100, budget.percentileEpsilon(), rng);
    int allowed = sens[k];
    long subsetSeed = rng.nextLong();
    // pass 2: the counts, each record keeping at most Delta_k of its valid combinations
    List<LongLongMap> maps = Parallel.run(parts, parts, p -> {
      LongLongMap m = new LongLongMap(1024);
      Enumerator e = new Enumerator(table, ext, k, maxAttrs);
      forRows(n, parts, p, cancellation, row -> {
        int c = e.list(data, row, false);
        long[] found = e.found;
        if (c > allowed) {
          SplittableRandom pick = new SplittableRandom(mix(subsetSeed, row));
          for (int i = 0; i < allowed; i++) {
            int j = i + pick.nextInt(c - i);
            long t = found[i];
            found[i] = found[j];
            found[j] = t;
          }
        }
        for (int i = 0; i < c; i++) {
          m.add(found[i], i < allowed ? 1 : 0);
        }
      });
      return m;
    });
    LongLongMap counts = maps.get(0);
    for (int i = 1; i < maps.size(); i++) {
      counts.addAll(maps.get(i));
    }
    if (k == 1) {
      for (int a = 0; a < table.size(); a++) {
        counts.add(a + 1, 0);
      }
    }
    return counts;
  }

  private static void addInto(int[] into, int[] other) {
    for (int x = 0; x < into.length; x++) {
      into[x] += other[x];
    }
  }

  private static long[] sum(List<long[]> hists, int cap) {
    long[] hist = new long[cap + 1];
    for (long[] h : hists) {
      for (int i = 0; i <= cap; i++) {
        hist[i] += h[i];
      }
    }
    return hist;
  }

  /** No combination's count above that of any of its sub-combinations one shorter (post-processing). */
  static void normalise(LongLongMap[] counts, int r, AttributeTable table) {
    int[] ids = new int[r];
    int[] sub = new int[r];
    for (int k = 2; k <= r; k++) {
      for (long key : counts[k].sortedKeys()) {
        table.unpack(key, k, ids);
        long min = counts[k].get(key, 0);
        for (int drop = 0; drop < k; drop++) {
          int j = 0;
          for (int i = 0; i < k; i++) {
            if (i != drop) {
              sub[j++] = ids[i];
            }
          }
          min = Math.min(min, counts[k - 1].get(table.pack(sub, k - 1), 0));
        }
        counts[k].put(key, min);
      }
    }
  }

  /**
   * The DP percentile by the exponential mechanism: value v in 1..cap scores {@code -|#{x_j <= v} - q n|}
   * (sensitivity 1) and is chosen with probability proportional to {@code exp(epsilon score / 2)}, by the
   * Gumbel-max trick.
   */
  static int percentile(long[] hist, int n, double q, double epsilon, RandomGenerator rng) {
    double target = q * n;
    long cum = hist[0];
    int best = 1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int v = 1; v < hist.length; v++) {
      cum += hist[v];
      double u = -Math.abs(cum - target);
      double g = -Math.log(-Math.log(uniformOpen(rng)));
      double score = epsilon * u / 2 + g;
      if (score > bestScore) {
        bestScore = score;
        best = v;
      }
    }
    return best;
  }

  private static double uniformOpen(RandomGenerator rng) {
    double u;
    do {
      u = rng.nextDouble();
    } while (u == 0);
    return u;
  }

  static long binomial(int n, int k) {
    long b = 1;
    for (int i = 1; i <= k; i++) {
      b = b * (n - k + i) / i;
      if (b > MAX_SENSITIVITY) {
        return MAX_SENSITIVITY;
      }
    }
    return b;
  }

  /** A record-independent, thread-count-independent stream per record. */
  static long mix(long seed, long row) {
    long z = seed + 0x9E3779B97F4A7C15L * (row + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  interface RowTask {
    void row(int row);
  }

  private static void forRows(int n, int parts, int p, Cancellation cancellation, RowTask task) {
    int from = (int) ((long) n * p / parts);
    int to = (int) ((long) n * (p + 1) / parts);
    for (int row = from; row < to; row++) {
      if ((row - from) % ExactCounter.CHUNK == 0) {
        cancellation.throwIfCancelled("synthesis");
      }
      task.row(row);
    }
  }

  /**
   * The survived combinations as extension sets: for a survived combination T of length j, the attributes c with
   * T and c survived at length j + 1; for the empty combination, the survived attributes. Not thread-safe while
   * growing; read by several threads once a length is done.
   */
  static final class Extensions {
    final int words;
    final long[] singles;
    private final LongLongMap offsets = new LongLongMap(1024);
    long[] pool;
    private int used;

    Extensions(int attributes) {
      this.words = Math.max(1, (attributes + 63) >>> 6);
      this.singles = new long[words];
      this.pool = new long[words * 64];
    }

    /** The offset of a combination's extension set in {@link #pool}, or -1. */
    long at(long key) {
      return offsets.get(key, -1);
    }

    void add(LongLongMap survivedK, int k, AttributeTable table) {
      int[] ids = new int[k];
      int[] sub = new int[k];
      for (long key : survivedK.sortedKeys()) {
        table.unpack(key, k, ids);
        if (k == 1) {
          singles[ids[0] >>> 6] |= 1L << ids[0];
          continue;
        }
        for (int drop = 0; drop < k; drop++) {
          int j = 0;
          for (int i = 0; i < k; i++) {
            if (i != drop) {
              sub[j++] = ids[i];
            }
          }
          long sk = table.pack(sub, k - 1);
          long off = offsets.get(sk, -1);
          if (off < 0) {
            if (used + words > pool.length) {
              pool = java.util.Arrays.copyOf(pool, Math.max(pool.length * 2, used + words));
            }
            off = used;
            used += words;
            offsets.put(sk, off);
          }
          pool[(int) off + (ids[drop] >>> 6)] |= 1L << ids[drop];
        }
      }
    }
  }

  /**
   * Lists a record's valid combinations of one length k (all their sub-combinations of length k - 1 survived),
   * walking survived prefixes and intersecting extension sets, so that a whole set of last attributes is found
   * with k - 1 look-ups. Not thread-safe (one per thread).
   */
  static final class Enumerator {
    private final AttributeTable table;
    private final Extensions ext;
    private final int k;
    private final int words;
    private final int[] attrs;
    private final int[] prefix;
    private final int[] sub;
    private final long[] record;
    private final long[][] sets;
    long[] found = new long[64];
    private int count;

    Enumerator(AttributeTable table, Extensions ext, int k, int maxAttrs) {
      this.table = table;
      this.ext = ext;
      this.k = k;
      this.words = ext.words;
      this.attrs = new int[maxAttrs];
      this.prefix = new int[k];
      this.sub = new int[k];
      this.record = new long[words];
      this.sets = new long[k + 1][words];
    }

    /**
     * @param countOnly whether only the number is needed (the combinations are then not listed)
     * @return the number of valid combinations of the record; listed in {@link #found} unless countOnly
     */
    int list(Dataset data, int row, boolean countOnly) {
      int m = table.attributes(data, row, attrs);
      count = 0;
      if (k == 1) {
        if (found.length < m) {
          found = new long[Math.max(m, found.length * 2)];
        }
        for (int i = 0; i < m; i++) {
          found[count++] = attrs[i] + 1;
        }
        return count;
      }
      java.util.Arrays.fill(record, 0);
      for (int i = 0; i < m; i++) {
        record[attrs[i] >>> 6] |= 1L << attrs[i];
      }
      for (int w = 0; w < words; w++) {
        record[w] &= ext.singles[w];
      }
      for (int w = 0; w < words; w++) {
        long bits = record[w];
        while (bits != 0) {
          int a = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          prefix[0] = a;
          walk(1, a + 1L, countOnly);
        }
      }
      return count;
    }

    private void walk(int depth, long key, boolean countOnly) {
      long[] set = sets[depth];
      int last = prefix[depth - 1];
      for (int w = 0; w < words; w++) {
        set[w] = record[w] & CandidateTrie.above(w, last);
      }
      if (depth == k - 1) {
        // the last attribute must extend every sub-combination of the prefix one shorter
        if (depth == 1) {
          for (int w = 0; w < words; w++) {
            set[w] &= ext.singles[w];
          }
        } else {
          for (int drop = 0; drop < depth; drop++) {
            int j = 0;
            for (int i = 0; i < depth; i++) {
              if (i != drop) {
                sub[j++] = prefix[i];
              }
            }
            if (!narrow(set, ext.at(table.pack(sub, depth - 1)))) {
              return;
            }
          }
        }
        for (int w = 0; w < words; w++) {
          long bits = set[w];
          if (countOnly) {
            count += Long.bitCount(bits);
            continue;
          }
          while (bits != 0) {
            int c = (w << 6) + Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            if (count == found.length) {
              found = java.util.Arrays.copyOf(found, count * 2);
            }
            found[count++] = (key << table.bits()) | (c + 1);
          }
        }
        return;
      }
      // an inner prefix: its children are its survived extensions
      if (!narrow(set, ext.at(key))) {
        return;
      }
      for (int w = 0; w < words; w++) {
        long bits = set[w];
        while (bits != 0) {
          int c = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          prefix[depth] = c;
          walk(depth + 1, (key << table.bits()) | (c + 1), countOnly);
        }
      }
    }

    private boolean narrow(long[] set, long off) {
      if (off < 0) {
        return false;
      }
      long any = 0;
      for (int w = 0; w < words; w++) {
        set[w] &= ext.pool[(int) off + w];
        any |= set[w];
      }
      return any != 0;
    }
  }
}
