package org.ctdc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ctdc.deid.audit.AuditOptions;
import org.ctdc.deid.audit.AuditResult;
import org.ctdc.deid.audit.PublishedRow;
import org.ctdc.deid.audit.PublishedStatus;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.deid.audit.PublishedTableDefinition;
import org.ctdc.deid.audit.TableDimension;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The LP audit of a 3-dimensional count table (up to 25 x 20 x 20 = 10,000 inner cells) with all
 * margins, cells below a threshold suppressed as primaries and, for each, the other seven corners
 * of a 2 x 2 x 2 hypercube as secondaries (the hypercube pattern). Setup builds the table; the measured
 * method audits it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TableAuditBenchmark {
  /** Table shape (inner cells per dimension). */
  @Param({"8x8x8", "12x10x10", "25x20x20"})
  public String shape;

  /** Count below which a cell is primary (counts are exponential with mean 100: 3 gives about 3 %). */
  @Param({"1", "3"})
  public int threshold;

  /** Whether secondary cells' intervals are computed too (false: primaries only, all the verdict needs). */
  @Param({"false", "true"})
  public boolean secondaries;

  private PublishedTable table;
  private AuditOptions options;

  /** Builds the table (seeded). */
  @Setup(Level.Trial)
  public void setup() {
    int[] n = java.util.Arrays.stream(shape.split("x")).mapToInt(Integer::parseInt).toArray();
    Random rnd = new Random(20240501L);
    long[][][] v = new long[n[0]][n[1]][n[2]];
    boolean[][][] sup = new boolean[n[0]][n[1]][n[2]];
    boolean[][][] prim = new boolean[n[0]][n[1]][n[2]];
    for (int i = 0; i < n[0]; i++) {
      for (int j = 0; j < n[1]; j++) {
        for (int k = 0; k < n[2]; k++) {
          v[i][j][k] = (long) Math.floor(-Math.log(1 - rnd.nextDouble()) * 100);
        }
      }
    }
    for (int i = 0; i < n[0]; i++) {
      for (int j = 0; j < n[1]; j++) {
        for (int k = 0; k < n[2]; k++) {
          if (v[i][j][k] < threshold) {
            prim[i][j][k] = true;
            int i2 = (i + 1 + rnd.nextInt(n[0] - 1)) % n[0];
            int j2 = (j + 1 + rnd.nextInt(n[1] - 1)) % n[1];
            int k2 = (k + 1 + rnd.nextInt(n[2] - 1)) % n[2];
            for (int a : new int[] {i, i2}) {
              for (int b : new int[] {j, j2}) {
                for (int c : new int[] {k, k2}) {
                  sup[a][b][c] = true;
                }
              }
            }
          }
        }
      }
    }
    List<List<String>> leaves = new ArrayList<>();
    List<TableDimension> dims = new ArrayList<>();
    String[] names = {"country", "year", "type"};
    for (int d = 0; d < 3; d++) {
      List<String> l = new ArrayList<>();
      for (int x = 0; x < n[d]; x++) {
        l.add(names[d].charAt(0) + Integer.toString(x));
      }
      leaves.add(l);
      dims.add(TableDimension.flat(names[d], "Total", l));
    }
    List<PublishedRow> rows = new ArrayList<>();
    for (int i = 0; i <= n[0]; i++) {
      for (int j = 0; j <= n[1]; j++) {
        for (int k = 0; k <= n[2]; k++) {
          long s = 0;
          for (int a = i == n[0] ? 0 : i; a < (i == n[0] ? n[0] : i + 1); a++) {
            for (int b = j == n[1] ? 0 : j; b < (j == n[1] ? n[1] : j + 1); b++) {
              for (int c = k == n[2] ? 0 : k; c < (k == n[2] ? n[2] : k + 1); c++) {
                s += v[a][b][c];
              }
            }
          }
          List<String> codes = List.of(
              i == n[0] ? "Total" : leaves.get(0).get(i),
              j == n[1] ? "Total" : leaves.get(1).get(j),
              k == n[2] ? "Total" : leaves.get(2).get(k));
          boolean inner = i < n[0] && j < n[1] && k < n[2];
          if (inner && sup[i][j][k]) {
            rows.add(new PublishedRow(codes, java.util.OptionalDouble.empty(),
                prim[i][j][k] ? PublishedStatus.PRIMARY : PublishedStatus.SECONDARY));
          } else {
            rows.add(new PublishedRow(codes, java.util.OptionalDouble.of(s), PublishedStatus.PUBLISHABLE));
          }
        }
      }
    }
    table = PublishedTable.of(PublishedTableDefinition.of("bench", dims), rows);
    options = AuditOptions.builder().minWidth(1).secondaryIntervals(secondaries).build();
  }

  /**
   * Audits the table.
   *
   * @return the result (sunk by JMH)
   */
  @Benchmark
  public AuditResult audit() {
    return TableAudit.of(options).audit(List.of(table));
  }

  /**
   * Runs one audit and prints its size (for the results file).
   *
   * @param args the shape, for example {@code 8x8x8}
   */
  public static void main(String[] args) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int t : new int[] {1, 3}) {
      TableAuditBenchmark b = new TableAuditBenchmark();
      b.threshold = t;
      b.shape = args.length > 0 ? args[0] : "8x8x8";
      b.secondaries = args.length > 1 && Boolean.parseBoolean(args[1]);
      b.setup();
      for (int rep = 0; rep < 3; rep++) {
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        AuditResult r;
        try {
          r = b.audit();
        } catch (RuntimeException e) {
          System.out.println(b.shape + " threshold " + t + ": " + e.getMessage() + " after "
              + (System.nanoTime() - t0) / 1_000_000 + " ms");
          break;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpu = (mx.getCurrentThreadCpuTime() - c0) / 1_000_000;
        System.out.println(b.shape + " threshold " + t + " secondaries " + b.secondaries + ": " + r.cells().size()
            + " audited, " + r.primaries().size()
            + " primary, " + r.exposedPrimaries().size() + " exposed, " + r.linearPrograms() + " LPs, "
            + r.determinedByRank() + " by rank, " + ms + " ms wall, " + cpu + " ms cpu");
      }
    }
  }
}
