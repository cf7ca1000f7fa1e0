package org.ctdc.deid.table.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.ctdc.schema.Cancellation;
import org.ctdc.synth.noise.DiscreteGaussian;
import org.ctdc.synth.noise.DiscreteLaplace;

/**
 * The noise of the DP method of {@code ctdc tables}: one draw of the exact discrete Gaussian or discrete
 * Laplace sampler of ctdc-synth per inner cell, in fixed blocks of {@link #BLOCK} cells, each block with a
 * generator of its own (drawn in block order from the table's seed when seeded, else a {@link SecureRandom}
 * of its own), so that a seed fixes the noise whatever the number of threads. Thread-safe (stateless).
 */
public final class DpCells {
  /** The inner cells of one block of noise. */
  public static final int BLOCK = 4096;

  private DpCells() {}

  /** One draw of the noise of a cell from a generator. */
  @FunctionalInterface
  public interface Sampler {
    /**
     * @param rng the generator
     * @return the draw
     */
    long sample(RandomGenerator rng);
  }

  /**
   * The discrete Gaussian sampler of {@code σ^2} rounded up to a multiple of {@code 2^-20}.
   *
   * @param sigmaSquared σ^2
   * @return the sampler
   */
  public static Sampler gaussian(double sigmaSquared) {
    DiscreteGaussian g = DiscreteGaussian.atLeastSigmaSquared(sigmaSquared);
    return g::sample;
  }

  /**
   * The discrete Laplace sampler of a rate rounded down to a multiple of {@code 10^-9}.
   *
   * @param rate the rate (ε per table, sensitivity 1)
   * @return the sampler
   */
  public static Sampler laplace(double rate) {
    DiscreteLaplace l = DiscreteLaplace.atMostRate(rate);
    return l::sample;
  }

  /**
   * Seeds of the tables of a seeded run: one draw of a generator of the run's seed per table, in order.
   *
   * @param seed the run's seed
   * @param tables the number of tables
   * @return one seed per table
   */
  public static long[] tableSeeds(long seed, int tables) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] out = new long[tables];
    for (int i = 0; i < tables; i++) {
      out[i] = r.nextLong();
    }
    return out;
  }

  /**
   * Adds noise to every inner cell.
   *
   * @param inner the true inner counts
   * @param sampler the noise
   * @param tableSeed the table's seed, or empty for SecureRandom
   * @param nonNegative whether a negative noisy cell becomes 0
   * @param threads the threads, at least 1
   * @param cancellation checked at every block
   * @param operation the operation named when cancelled
   * @return the noisy inner counts
   */
  public static long[] noisy(long[] inner, Sampler sampler, OptionalLong tableSeed, boolean nonNegative,
      int threads, Cancellation cancellation, String operation) {
    int blocks = Math.max(1, (inner.length + BLOCK - 1) / BLOCK);
    RandomGenerator[] gens = new RandomGenerator[blocks];
    SplittableRandom master = tableSeed.isPresent() ? new SplittableRandom(tableSeed.getAsLong()) : null;
    for (int b = 0; b < blocks; b++) {
      gens[b] = master != null ? new SplittableRandom(master.nextLong()) : new SecureRandom();
    }
    long[] out = new long[inner.length];
    List<Runnable> work = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      int block = b;
      work.add(() -> {
        cancellation.throwIfCancelled(operation);
        RandomGenerator g = gens[block];
        int to = Math.min(inner.length, (block + 1) * BLOCK);
        for (int i = block * BLOCK; i < to; i++) {
          long v = Math.addExact(inner[i], sampler.sample(g));
          out[i] = nonNegative ? Math.max(0, v) : v;
        }
      });
    }
    run(work, Math.min(threads, blocks));
    return out;
  }

  /**
   * Every node cell of a table from its inner cells, dimension by dimension: along each axis, a node's value is
   * the sum of the values of the leaves under it. The result is row-major over each dimension's nodes (the last
   * dimension fastest), in the order of {@code leavesUnder}.
   *
   * @param inner the inner cells, row-major over the leaves
   * @param leafCounts per dimension, its number of leaves
   * @param leavesUnder per dimension and node, the indexes of the leaves under the node
   * @return the value of every node cell
   */
  public static long[] sums(long[] inner, int[] leafCounts, int[][][] leavesUnder) {
    long[] a = inner;
    int[] sizes = leafCounts.clone();
    for (int d = 0; d < sizes.length; d++) {
      int before = 1;
      for (int i = 0; i < d; i++) {
        before = Math.multiplyExact(before, sizes[i]);
      }
      int after = 1;
      for (int i = d + 1; i < sizes.length; i++) {
        after = Math.multiplyExact(after, sizes[i]);
      }
      int[][] under = leavesUnder[d];
      int from = sizes[d];
      long[] b = new long[Math.multiplyExact(Math.multiplyExact(before, under.length), after)];
      for (int x = 0; x < before; x++) {
        for (int n = 0; n < under.length; n++) {
          int out = (x * under.length + n) * after;
          for (int leaf : under[n]) {
            int in = (x * from + leaf) * after;
            for (int y = 0; y < after; y++) {
              b[out + y] = Math.addExact(b[out + y], a[in + y]);
            }
          }
        }
      }
      a = b;
      sizes[d] = under.length;
    }
    return a;
  }

  private static void run(List<Runnable> work, int threads) {
    if (threads <= 1) {
      work.forEach(Runnable::run);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ctdc-dp-tables");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable w : work) {
        futures.add(pool.submit(w));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException("the noise of a block failed", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while drawing the noise", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
