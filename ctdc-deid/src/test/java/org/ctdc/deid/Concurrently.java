package org.ctdc.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Test helper: runs one task per thread, all started together by a barrier, and returns their results. */
public final class Concurrently {
  private Concurrently() {}

  /**
   * Runs {@code threads} tasks at once.
   *
   * @param threads how many
   * @param task the task of thread {@code t}
   * @return the results, by thread
   * @throws Exception the first failure of a task
   */
  public static <T> List<T> run(int threads, IntFunction<Callable<T>> task) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> got = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<T> c = task.apply(t);
        got.add(pool.submit(() -> {
          start.await();
          return c.call();
        }));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : got) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
