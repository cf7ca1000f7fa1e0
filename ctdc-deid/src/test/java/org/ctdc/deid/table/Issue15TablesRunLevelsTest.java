package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ctdc.deid.audit.AuditResult;
import org.ctdc.deid.audit.CellInterval;
import org.ctdc.deid.audit.CellRef;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.deid.audit.TableFormatException;
import org.ctdc.deid.table.TablesTestData.Rec;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 through the tables run: a magnitude table's definition names its confidential levels file, the
 * run's audit checks the levels, and the example of the issue gets the protection its p%-rule implies.
 */
class Issue15TablesRunLevelsTest {
  @TempDir Path dir;

  @Test
  void issue15_theRunWritesTheLevelsFileAndItsAuditChecksIt() throws IOException {
    List<Rec> recs = new ArrayList<>();
    // A1 = 1000 + 900 + 50 = 1950: p%-rule at p = 10; A2 = 5 small contributions; B1, B2 larger
    for (int a : new int[] {1000, 900, 50}) {
      recs.add(new Rec("A1", "F", a, 0, 0, 0, "1"));
    }
    for (int i = 0; i < 5; i++) {
      recs.add(new Rec("A2", "F", 1, 0, 0, 0, "1"));
    }
    for (int i = 0; i < 40; i++) {
      recs.add(new Rec("B1", "F", 25, 0, 0, 0, "1"));
      recs.add(new Rec("B2", "M", 30, 0, 0, 0, "1"));
    }
    String yaml = TablesRunTest.config("suppression", "rules:\n  threshold: 0\n  pPercent: 10\n",
        "  - name: earnings\n    dimensions: [region]\n    magnitude: amount\n");
    Path out = dir.resolve("out");
    Path conf = dir.resolve("confidential");
    TablesConfig config = TablesConfig.parse(yaml, "t.yaml", dir);
    Dataset data = TablesTestData.dataset(recs);
    // the levels hold the values of suppressed cells: never written beside the tables, and a run that is not
    // given a folder for them outside the publication folder writes nothing
    TableException none = assertThrows(TableException.class, () -> TablesRun.of(config, out).run(data));
    assertTrue(none.getMessage().contains("--levels-out"), none.getMessage());
    assertFalse(Files.exists(out.resolve("earnings.csv")));
    // issue 16: a levels folder inside the publication folder is refused at the setter, before any run
    assertThrows(IllegalArgumentException.class, () -> TablesRun.builder(config, out).levelsDirectory(out.resolve("levels")));
    TablesRun.Outcome o = TablesRun.builder(config, out).levelsDirectory(conf).build().run(data);
    assertTrue(o.files().contains(conf.resolve("earnings.levels.json")));
    assertFalse(Files.exists(out.resolve("earnings.levels.json")), "no levels file in the publication folder");
    Files.move(conf.resolve("earnings.levels.json"), out.resolve("earnings.levels.json"));
    String def = Files.readString(out.resolve("earnings.table.json"));
    assertTrue(def.contains("\"levels\" : \"earnings.levels.json\""), def);
    String report = Files.readString(out.resolve("tables-report.txt"));
    assertTrue(report.contains("earnings.levels.json holds each primary's value"), report);
    assertFalse(report.contains("1950"), report);
    // the published files never carry the value; the levels file does, and the audit reads it
    assertFalse(Files.readString(out.resolve("earnings.csv")).contains("1950"));
    assertFalse(Files.readString(out.resolve("earnings.json")).contains("1950"));
    assertTrue(Files.readString(out.resolve("earnings.levels.json")).contains("\"value\" : 1950"));
    PublishedTable t = PublishedTable.read(out.resolve("earnings.csv"), out.resolve("earnings.table.json"));
    AuditResult r = TableAudit.of().audit(t);
    assertTrue(r.passed(), r.report());
    CellInterval a1 = r.interval(CellRef.of("earnings", "A1")).orElseThrow();
    assertTrue(a1.max() >= 2000, r.report());
    // without the levels file the definition cannot be audited: the levels are never skipped silently
    Files.delete(out.resolve("earnings.levels.json"));
    TableFormatException e = assertThrows(TableFormatException.class,
        () -> PublishedTable.read(out.resolve("earnings.csv"), out.resolve("earnings.table.json")));
    assertTrue(e.getMessage().endsWith("earnings.levels.json: cannot read: no such file"), e.getMessage());
    assertEquals(-1, new String(Files.readAllBytes(out.resolve("earnings.csv")), StandardCharsets.UTF_8).indexOf("1950"));
  }

  @Test
  void issue15_countTablesKeepTodaysDefinition() throws IOException {
    List<Rec> recs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      recs.add(new Rec(i % 7 == 0 ? "A1" : "B2", i % 2 == 0 ? "F" : "M", null, 0, 0, 0, "1"));
    }
    String yaml = TablesRunTest.config("suppression", "rules:\n  threshold: 5\n", TablesRunTest.REGION_SEX);
    Path out = dir.resolve("counts");
    TablesRun.of(TablesConfig.parse(yaml, "t.yaml", dir), out).run(TablesTestData.dataset(recs));
    assertFalse(Files.exists(out.resolve("rs.levels.json")));
    assertFalse(Files.readString(out.resolve("rs.table.json")).contains("levels"));
  }
}
