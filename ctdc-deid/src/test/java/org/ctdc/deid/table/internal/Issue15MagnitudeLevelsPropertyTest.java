package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.ctdc.deid.audit.AuditOptions;
import org.ctdc.deid.audit.AuditResult;
import org.ctdc.deid.audit.CellInterval;
import org.ctdc.deid.audit.CellProtection;
import org.ctdc.deid.audit.CellRef;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.OutputOptions;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.SuppressionRules.ThresholdBound;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableDefinition;
import org.ctdc.deid.table.TableProtection;
import org.ctdc.deid.table.TableProtector;
import org.ctdc.deid.table.TableWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15, property: random one- and two-dimensional magnitude tables with hierarchical margins, random
 * contributions and random p%, (n,k)-dominance and few-contributor rules. After secondary suppression the
 * independent audit, given levels and singletons computed here from the contributions by a separate oracle
 * (integer arithmetic over every record under each cell; no code of the suppression), finds every primary
 * reaching its width and levels against the public attacker and every singleton attacker. The levels file the
 * writer produces agrees with the oracle.
 */
class Issue15MagnitudeLevelsPropertyTest {
  @TempDir Path dir;

  static List<Long> seeds() {
    List<Long> s = new ArrayList<>();
    for (long i = 1; i <= 100; i++) {
      s.add(i * 104_729);
    }
    return s;
  }

  record Rec(List<String> leaves, long value) {}

  static Map<String, Set<String>> leavesUnder(Dimension d) {
    Map<String, Set<String>> out = new HashMap<>();
    for (String node : d.nodes()) {
      Set<String> ls = new HashSet<>();
      List<String> stack = new ArrayList<>(List.of(node));
      while (!stack.isEmpty()) {
        String n = stack.remove(stack.size() - 1);
        List<String> ch = d.hierarchy().get(n);
        if (ch == null) {
          ls.add(n);
        } else {
          stack.addAll(ch);
        }
      }
      out.put(node, ls);
    }
    return out;
  }

  /** The oracle's protection of one cell, or null when the cell is safe. */
  static CellProtection oracle(List<Rec> under, int p, int n, int k, int few, Map<Rec, Integer> id) {
    List<Long> v = new ArrayList<>();
    under.forEach(r -> v.add(r.value()));
    v.sort((a, b) -> Long.compare(b, a));
    long x = 0;
    for (long c : v) {
      x += c;
    }
    if (v.isEmpty()) {
      return null;
    }
    long x1 = v.get(0);
    long x2 = v.size() > 1 ? v.get(1) : 0;
    boolean primary = false;
    long level = 0;
    boolean fewBroken = few > 0 && v.size() < few;
    primary |= fewBroken;
    if (n > 0 && x > 0) {
      long s = 0;
      for (int i = 0; i < n && i < v.size(); i++) {
        s += v.get(i);
      }
      primary |= 100 * s > (long) k * x;
      level = Math.max(level, ceilDiv(100 * s - (long) k * x, k));
    }
    if (p > 0 && x > 0) {
      long rest = x - x1 - x2;
      primary |= 100 * rest < (long) p * x1;
      level = Math.max(level, ceilDiv((long) p * x1 - 100 * rest, 100));
      if (fewBroken) {
        level = Math.max(level, ceilDiv((long) p * x1, 100));
      }
    }
    if (!primary) {
      return null;
    }
    long lower = Math.min(level, x);
    return v.size() == 1 ? CellProtection.singleton(x, lower, level, id.get(under.get(0)))
        : CellProtection.of(x, lower, level);
  }

  static long ceilDiv(long a, long b) {
    return Math.floorDiv(a + b - 1, b);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void issue15_everyPrimaryReachesItsLevelsInTheIndependentAudit(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int dims = 1 + r.nextInt(2);
    List<Dimension> ds = new ArrayList<>();
    for (int i = 0; i < dims; i++) {
      ds.add(RandomTablesProtectionTest.randomDimension("d" + i, r, dims == 1 ? 4 : 3));
    }
    TableDefinition def = TableDefinition.of("t", ds);
    int p = new int[] {0, 5, 10, 20}[r.nextInt(4)];
    int n = r.nextInt(3);
    int k = new int[] {60, 75, 85}[r.nextInt(3)];
    int few = r.nextInt(3) == 0 ? 3 : 0;
    if (p == 0 && n == 0 && few == 0) {
      p = 10;
    }
    SuppressionRules rules = SuppressionRules.ctdcDefaults().withThreshold(0, ThresholdBound.LESS_THAN)
        .withMagnitudeRules(n, k, p, few);
    Table.Builder b = Table.builder(def, Table.Kind.MAGNITUDE);
    List<Rec> recs = new ArrayList<>();
    List<List<String>> innerCells = new ArrayList<>();
    collectInner(ds, 0, new ArrayList<>(), innerCells);
    for (List<String> cell : innerCells) {
      int m = r.nextInt(5) == 0 ? 1 : r.nextInt(6);
      long big = r.nextInt(4) == 0 ? 200 + r.nextInt(2000) : 0;
      for (int i = 0; i < m; i++) {
        long value = i == 0 && big > 0 ? big : 1 + r.nextInt(120);
        recs.add(new Rec(cell, value));
        b.add(value, cell.toArray(String[]::new));
      }
    }
    Map<Rec, Integer> id = new java.util.IdentityHashMap<>();
    for (int i = 0; i < recs.size(); i++) {
      id.put(recs.get(i), i);
    }
    TableProtection tp = TableProtector.of(rules).suppress(b.build());
    List<Path> files = TableWriter.write(tp.tables().get(0), dir, OutputOptions.defaults());
    PublishedTable published = PublishedTable.read(files.get(0), files.get(1));
    // the oracle's protection of every primary
    List<Map<String, Set<String>>> under = new ArrayList<>();
    ds.forEach(d -> under.add(leavesUnder(d)));
    AuditOptions.Builder opts = AuditOptions.builder();
    Map<CellRef, CellProtection> expected = new LinkedHashMap<>();
    int primaries = 0;
    for (org.ctdc.deid.audit.PublishedRow row : published.rows()) {
      List<Rec> in = new ArrayList<>();
      for (Rec rec : recs) {
        boolean all = true;
        for (int d = 0; d < dims; d++) {
          all &= under.get(d).get(row.codes().get(d)).contains(rec.leaves().get(d));
        }
        if (all) {
          in.add(rec);
        }
      }
      CellProtection cp = oracle(in, p, n, k, few, id);
      boolean isPrimary = row.status() == org.ctdc.deid.audit.PublishedStatus.PRIMARY;
      assertEquals(cp != null, isPrimary, "primary status of " + row.codes());
      if (cp != null) {
        primaries++;
        CellRef ref = new CellRef("t", row.codes());
        opts.cellProtection(ref, cp);
        expected.put(ref, cp);
      }
    }
    AuditResult audit = TableAudit.of(opts.build()).audit(List.of(published));
    for (CellInterval c : audit.primaries()) {
      assertTrue(!c.exposed(), "seed " + seed + ": " + c.cell() + " " + c.exposure());
    }
    assertTrue(audit.passed());
    assertEquals(primaries, audit.primaries().size());
    // the levels file written for the audit says the same, respondents up to their numbering
    List<Path> withLevels = TableWriter.write(tp.tables().get(0), tp.levels().get(0), dir.resolve("l"),
        OutputOptions.defaults());
    PublishedTable read = PublishedTable.read(withLevels.get(0), withLevels.get(1));
    assertEquals(expected.keySet(), read.levels().keySet());
    Map<Integer, Integer> numbering = new HashMap<>();
    for (Map.Entry<CellRef, CellProtection> e : expected.entrySet()) {
      CellProtection got = read.levels().get(e.getKey());
      CellProtection want = e.getValue();
      assertEquals(want.value(), got.value());
      assertEquals(want.lower(), got.lower());
      assertEquals(want.upper(), got.upper());
      assertEquals(want.respondent().isPresent(), got.respondent().isPresent());
      if (want.respondent().isPresent()) {
        Integer before = numbering.putIfAbsent(want.respondent().getAsInt(), got.respondent().getAsInt());
        assertEquals(before == null ? got.respondent().getAsInt() : before, got.respondent().getAsInt());
      }
    }
    assertTrue(TableAudit.of().audit(read).passed());
  }

  static void collectInner(List<Dimension> ds, int d, List<String> prefix, List<List<String>> out) {
    if (d == ds.size()) {
      out.add(List.copyOf(prefix));
      return;
    }
    for (String leaf : ds.get(d).leaves()) {
      prefix.add(leaf);
      collectInner(ds, d + 1, prefix, out);
      prefix.remove(prefix.size() - 1);
    }
  }
}
