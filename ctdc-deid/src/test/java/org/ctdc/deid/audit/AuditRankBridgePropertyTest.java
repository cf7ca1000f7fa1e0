package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: in a 2-D table with every margin published, the suppressed cells are the edges of a bipartite
 * graph between rows and columns, and a cell is recomputable from the margins (its unit vector lies in the
 * row space of the equations) exactly when its edge lies on no cycle, that is when it is a bridge. The
 * audit's rank test must find exactly the bridges (counted in {@link AuditResult#determinedByRank()}), and
 * each of them must come out as a single point equal to the true value. The oracle is a graph search and
 * shares nothing with the audit's elimination.
 */
class AuditRankBridgePropertyTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40).map(i -> i * 104_729L);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theRankTestFindsExactlyTheCellsOnNoCycle(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int nr = 2 + r.nextInt(4);
    int nc = 2 + r.nextInt(4);
    List<String> rows = Tables2D.codes("r", nr);
    List<String> cols = Tables2D.codes("c", nc);
    long[][] v = new long[nr][nc];
    double p = 0.2 + 0.4 * r.nextDouble();
    List<int[]> edges = new ArrayList<>();
    Set<String> primary = new HashSet<>();
    Set<String> secondary = new HashSet<>();
    for (int i = 0; i < nr; i++) {
      for (int j = 0; j < nc; j++) {
        v[i][j] = 1 + r.nextInt(40);
        if (r.nextDouble() < p) {
          edges.add(new int[] {i, j});
          (r.nextBoolean() ? primary : secondary).add(rows.get(i) + "|" + cols.get(j));
        }
      }
    }
    PublishedTable t = Tables2D.table("t", rows, cols, v, primary, secondary);
    AuditResult result = TableAudit.of().audit(List.of(t));
    int bridges = 0;
    for (int e = 0; e < edges.size(); e++) {
      int i = edges.get(e)[0];
      int j = edges.get(e)[1];
      CellInterval c = result.interval(CellRef.of("t", rows.get(i), cols.get(j))).orElseThrow();
      if (isBridge(edges, e, nr, nc)) {
        bridges++;
        assertEquals(v[i][j], c.min(), 1e-9, () -> "bridge " + c);
        assertEquals(v[i][j], c.max(), 1e-9, () -> "bridge " + c);
        assertEquals(Exposure.DETERMINED, c.exposure());
      }
    }
    assertEquals(bridges, result.determinedByRank(), "seed " + seed);
  }

  /** Whether removing edge {@code skip} disconnects its row from its column (vertices: rows, then columns). */
  private static boolean isBridge(List<int[]> edges, int skip, int nr, int nc) {
    List<List<Integer>> adj = new ArrayList<>();
    for (int k = 0; k < nr + nc; k++) {
      adj.add(new ArrayList<>());
    }
    for (int e = 0; e < edges.size(); e++) {
      if (e != skip) {
        adj.get(edges.get(e)[0]).add(nr + edges.get(e)[1]);
        adj.get(nr + edges.get(e)[1]).add(edges.get(e)[0]);
      }
    }
    boolean[] seen = new boolean[nr + nc];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    int from = edges.get(skip)[0];
    seen[from] = true;
    queue.add(from);
    while (!queue.isEmpty()) {
      for (int w : adj.get(queue.poll())) {
        if (!seen[w]) {
          seen[w] = true;
          queue.add(w);
        }
      }
    }
    return !seen[nr + edges.get(skip)[1]];
  }
}
