package org.ctdc.synth.internal;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.ProgressListener;
import org.ctdc.synth.Budget;
import org.ctdc.synth.SynthConfig;
import org.ctdc.synth.SynthException;

/**
 * SDS's DP marginals with discrete noise: the noisy record count, the budget split, then for each length the
 * DP percentile of the per-record number of valid combinations (exponential mechanism), a random subset of
 * that many combinations kept per record, discrete Gaussian noise on every candidate's count, the threshold,
 * and finally the normalisation. Every draw of the noise and of the percentiles comes from the one generator,
 * in a fixed order (lengths in order, combinations in key order), so a seed fixes the result whatever the
 * number of threads. Thread-safe (stateless).
 */
public final class DpAggregator {
  private static final long RATE_DENOMINATOR = 1_000_000_000L;
  /** The largest per-record sensitivity the percentile considers. */
  static final int MAX_SENSITIVITY = 1 << 20;

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
   * @param threads threads for the passes over the records
   * @param progress the listener (stages {@code "aggregating"}, {@code "noising"})
   * @param cancellation the signal
   * @return the result
   */
  public static Result run(Dataset data, AttributeTable table, SynthConfig config, RandomGenerator rng,
      int threads, ProgressListener progress, Cancellation cancellation) {
    int r = config.reportingLength();
    table.requireFits(r);
    int n = data.rowCount();
    double epsN = config.numberOfRecordsEpsilonProportion() * config.epsilon();
    long s = (long) Math.floor(epsN * RATE_DENOMINATOR);
    if (s < 1) {
      throw new SynthException("epsilon: epsilon times numberOfRecordsEpsilonProportion is below 1e-9");
    }
    long protectedCount = Math.max(0, n + DiscreteNoise.laplace(rng, s, RATE_DENOMINATOR));
    double delta = config.delta().orElseGet(() -> {
      double np = Math.max(3, protectedCount);
      return 1 / (np * Math.log(np));
    });
    Budget budget = Budget.split(config.epsilon(), delta, config.numberOfRecordsEpsilonProportion(),
        config.percentileEpsilonProportion(), config.sigmaProportions());
    LongLongMap[] survived = new LongLongMap[r + 1];
    int[] sens = new int[r + 1];
    double[] rho = new double[r + 1];
    NormalDistribution normal = new NormalDistribution(null, 0, 1);
    int maxAttrs = Math.max(1, table.maxPerRecord());
    int parts = Math.max(1, Math.min(threads, (n + ExactCounter.CHUNK - 1) / ExactCounter.CHUNK));
    for (int k = 1; k <= r; k++) {
      int kk = k;
      int cap = (int) Math.min(MAX_SENSITIVITY, binomial(maxAttrs, k));
      // pass 1: the per-record numbers of valid combinations
      List<long[]> hists = Parallel.run(parts, parts, p -> {
        long[] h = new long[cap + 1];
        Enumerator e = new Enumerator(table, survived, kk, maxAttrs);
        forRows(n, parts, p, cancellation, row -> h[Math.min(cap, e.list(data, row))]++);
        return h;
      });
      long[] hist = new long[cap + 1];
      for (long[] h : hists) {
        for (int i = 0; i <= cap; i++) {
          hist[i] += h[i];
        }
      }
      sens[k] = percentile(hist, n, config.percentile() / 100, budget.percentileEpsilon(), rng);
      int allowed = sens[k];
      long subsetSeed = rng.nextLong();
      // pass 2: the counts, each record keeping at most Delta_k of its valid combinations
      List<LongLongMap> maps = Parallel.run(parts, parts, p -> {
        LongLongMap m = new LongLongMap(1024);
        Enumerator e = new Enumerator(table, survived, kk, maxAttrs);
        forRows(n, parts, p, cancellation, row -> {
          int c = e.list(data, row);
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
      double sigmaK = budget.sigmas().get(k - 1);
      double scale = sigmaK * Math.sqrt(sens[k]);
      if (k == 1) {
        // (1 - delta/2)^(1/Delta_1) = 1 - tail, tail computed without cancellation
        double tail = -Math.expm1(Math.log1p(-delta / 2) / sens[1]);
        rho[1] = 1 + scale * -normal.inverseCumulativeProbability(tail);
      } else if (config.thresholdType() == SynthConfig.ThresholdType.FIXED) {
        rho[k] = config.threshold(k);
      } else {
        rho[k] = sigmaK * Math.sqrt(sens[1]) * -normal.inverseCumulativeProbability(config.threshold(k) / 2);
      }
      long num = DiscreteNoise.numeratorOver2To20(scale * scale);
      long[] keys = counts.sortedKeys();
      LongLongMap kept = new LongLongMap(keys.length / 4 + 16);
      for (int i = 0; i < keys.length; i++) {
        if ((i & 0xFFF) == 0) {
          cancellation.throwIfCancelled("synthesis");
          progress.onProgress("noising", i, keys.length);
        }
        long noisy = counts.get(keys[i], 0) + DiscreteNoise.gaussian(rng, num, DiscreteNoise.DENOMINATOR);
        if (noisy > rho[k]) {
          kept.put(keys[i], noisy);
        }
      }
      survived[k] = kept;
      progress.onProgress("aggregating", k, r);
    }
    normalise(survived, r, table);
    return new Result(survived, protectedCount, budget, sens, rho);
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

  /** Lists a record's valid combinations of one length. Not thread-safe (one per thread). */
  static final class Enumerator {
    private final AttributeTable table;
    private final LongLongMap[] survived;
    private final int k;
    private final int[] attrs;
    private final int[] stack;
    private final int[] sub;
    long[] found = new long[64];
    private int count;

    Enumerator(AttributeTable table, LongLongMap[] survived, int k, int maxAttrs) {
      this.table = table;
      this.survived = survived;
      this.k = k;
      this.attrs = new int[maxAttrs];
      this.stack = new int[k];
      this.sub = new int[k];
    }

    int list(Dataset data, int row) {
      int m = table.attributes(data, row, attrs);
      if (k > 1) {
        int j = 0;
        for (int i = 0; i < m; i++) {
          if (survived[1].contains(attrs[i] + 1)) {
            attrs[j++] = attrs[i];
          }
        }
        m = j;
      }
      count = 0;
      walk(m, 0, 0, 0L);
      return count;
    }

    private void walk(int m, int start, int depth, long key) {
      int bits = table.bits();
      for (int i = start; i < m; i++) {
        long next = (key << bits) | (attrs[i] + 1);
        stack[depth] = attrs[i];
        int len = depth + 1;
        if (len < k) {
          if (len == 1 || survived[len].contains(next)) {
            walk(m, i + 1, len, next);
          }
        } else if (allSubsetsSurvived()) {
          if (count == found.length) {
            found = java.util.Arrays.copyOf(found, count * 2);
          }
          found[count++] = next;
        }
      }
    }

    private boolean allSubsetsSurvived() {
      if (k == 1) {
        return true;
      }
      // the first k-1 survived (checked on the way down); check the others
      for (int drop = 0; drop < k - 1; drop++) {
        int j = 0;
        for (int i = 0; i < k; i++) {
          if (i != drop) {
            sub[j++] = stack[i];
          }
        }
        if (!survived[k - 1].contains(table.pack(sub, k - 1))) {
          return false;
        }
      }
      return true;
    }
  }
}
