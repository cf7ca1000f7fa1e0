import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A/B harness for a shared, noisy machine: loads two builds of ctdc-bench's benchmarks.jar in separate
 * class loaders in one JVM and alternates their runs of one AlignmentBenchmark method on this thread
 * (A B, B A, A B, ...), so that load from other processes falls on both builds alike. Measures rows per
 * CPU-second of this thread (ThreadMXBean), prints the median of each build after the warm-up third
 * and the median of the per-pair ratios B/A.
 *
 * <p>Usage: {@code java -Xmx3g bench/ab/AB.java A.jar B.jar PROFILE METHOD [reps]}, with METHOD one of
 * fromMemory, fromMemoryCycled, fromCsv.
 */
public class AB {
  public static void main(String[] args) throws Exception {
    int reps = args.length > 4 ? Integer.parseInt(args[4]) : 30;
    Object[] bench = new Object[2];
    Method[] run = new Method[2];
    Method[] report = new Method[2];
    for (int i = 0; i < 2; i++) {
      URLClassLoader cl = new URLClassLoader(new URL[] {Path.of(args[i]).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> c = cl.loadClass("org.ctdc.bench.AlignmentBenchmark");
      bench[i] = c.getDeclaredConstructor().newInstance();
      c.getField("profile").set(bench[i], args[2]);
      c.getMethod("setUp").invoke(bench[i]);
      run[i] = c.getMethod(args[3]);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    List<List<Double>> perCpu = List.of(new ArrayList<>(), new ArrayList<>());
    List<Double> ratios = new ArrayList<>();
    int warm = reps / 3;
    for (int rep = 0; rep < reps; rep++) {
      double[] r = new double[2];
      for (int k = 0; k < 2; k++) {
        int i = (rep + k) % 2;
        long c0 = mx.getCurrentThreadCpuTime();
        Object result = run[i].invoke(bench[i]);
        long cpu = mx.getCurrentThreadCpuTime() - c0;
        if (result == null) {
          throw new IllegalStateException();
        }
        r[i] = 100_000 * 1e9 / cpu;
      }
      if (rep >= warm) {
        perCpu.get(0).add(r[0]);
        perCpu.get(1).add(r[1]);
        ratios.add(r[1] / r[0]);
      }
    }
    System.out.printf(Locale.ROOT, "%s %s: A median %,.0f rows/CPU-s, B median %,.0f, median ratio B/A %.2f"
        + " (%d pairs; ratio quartiles %.2f-%.2f)%n",
        args[2], args[3], median(perCpu.get(0)), median(perCpu.get(1)), median(ratios), ratios.size(),
        quantile(ratios, 0.25), quantile(ratios, 0.75));
  }

  static double median(List<Double> l) {
    return quantile(l, 0.5);
  }

  static double quantile(List<Double> l, double q) {
    List<Double> s = new ArrayList<>(l);
    Collections.sort(s);
    return s.get((int) Math.min(s.size() - 1, Math.round(q * (s.size() - 1))));
  }
}
