package org.ctdc.synth.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs numbered tasks on a fixed number of threads and returns their results in task order. Thread-safe. */
public final class Parallel {
  private Parallel() {}

  /**
   * Runs tasks {@code 0..count-1}.
   *
   * @param threads the number of threads, at least 1 (1: on the calling thread)
   * @param count the number of tasks
   * @param task the task
   * @param <T> the result type
   * @return the results in task order
   */
  public static <T> List<T> run(int threads, int count, IntFunction<T> task) {
    List<T> out = new ArrayList<>(count);
    if (threads <= 1 || count <= 1) {
      for (int i = 0; i < count; i++) {
        out.add(task.apply(i));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), r -> {
      Thread t = new Thread(r, "ctdc-synth");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(pool.submit(() -> task.apply(n)));
      }
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error er) {
        throw er;
      }
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
  }
}
