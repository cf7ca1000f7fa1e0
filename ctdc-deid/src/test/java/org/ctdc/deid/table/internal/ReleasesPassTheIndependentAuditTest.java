package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ctdc.deid.audit.AuditResult;
import org.ctdc.deid.table.OutputOptions;
import org.ctdc.deid.table.ProtectedTable;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableProtection;
import org.ctdc.deid.table.TableProtector;
import org.ctdc.deid.table.TableWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property: every release written in the long format passes t5b's TableAudit, read back from the files. */
class ReleasesPassTheIndependentAuditTest {
  @TempDir Path dir;

  static List<Long> seeds() {
    List<Long> s = new ArrayList<>();
    for (long i = 1; i <= 20; i++) {
      s.add(i * 104729);
    }
    return s;
  }

  private AuditResult writeAndAudit(TableProtection p, SuppressionRules rules, String sub) {
    List<Path[]> files = new ArrayList<>();
    for (ProtectedTable t : p.tables()) {
      List<Path> f = TableWriter.write(t, dir.resolve(sub), new OutputOptions("..", rules.minWidth(),
          java.util.Map.of()));
      files.add(new Path[] {f.get(0), f.get(1)});
    }
    return ReleaseAudit.auditOrFail(files, rules.minWidth());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomTwoAndThreeDimensionalReleasesPassTheAudit(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int dims = 2; dims <= 3; dims++) {
      Table t = RandomTablesProtectionTest.randomTable(r, dims);
      SuppressionRules rules = RandomTablesProtectionTest.randomRules(r);
      TableProtection p = TableProtector.of(rules).suppress(t);
      AuditResult a = writeAndAudit(p, rules, "d" + dims);
      assertTrue(a.passed());
      assertTrue(a.exposedPrimaries().isEmpty());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomLinkedReleasesPassTheAudit(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Table cube = RandomTablesProtectionTest.randomTable(r, 3);
    SuppressionRules rules = RandomTablesProtectionTest.randomRules(r);
    TableProtection p = TableProtector.of(rules).suppress(List.of(RandomTablesProtectionTest.project(cube, "ab", 0, 1),
        RandomTablesProtectionTest.project(cube, "ac", 0, 2)));
    assertTrue(writeAndAudit(p, rules, "linked").passed());
  }
}
