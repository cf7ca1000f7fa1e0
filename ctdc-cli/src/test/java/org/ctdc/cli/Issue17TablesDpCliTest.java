package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: {@code ctdc tables} with {@code method: dp} on the VP sample: every table noised, the budget in the
 * output and in each definition, no exact count of rows left out printed, the same files for the same seed,
 * and {@code ctdc audit} refusing the DP tables rather than passing them.
 */
class Issue17TablesDpCliTest {
  @TempDir Path dir;

  private Path copy(String resource, String name) throws Exception {
    Path p = dir.resolve(name);
    try (var in = getClass().getResourceAsStream(resource)) {
      Files.copy(in, p);
    }
    return p;
  }

  private record Run(int rc, String out, String err) {}

  private static Run ctdc(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(rc, out.toString(), err.toString());
  }

  private Path dpConfig(String dp) throws Exception {
    Path base = copy("/org/ctdc/cli/tables/vp-tables.yaml", "base.yaml");
    String yaml = Files.readString(base).replace("method: suppression\n", "method: dp\n" + dp);
    Path cfg = dir.resolve("dp.yaml");
    Files.writeString(cfg, yaml);
    return cfg;
  }

  @Test
  void issue17_tablesWithMethodDpAreNoisedAccountedAndRefusedByTheAudit() throws Exception {
    Path cfg = dpConfig("dp:\n  mechanism: gaussian\n  epsilon: 1\n  delta: 1.0e-6\n  seed: 17\n");
    Path csv = copy("/org/ctdc/cli/samples/CTDC_VPsynthetic_condensed.csv", "vp.csv");
    Path out = dir.resolve("out");
    Run r = ctdc("tables", "--config", cfg.toString(), "--in", csv.toString(), "--out", out.toString());
    assertEquals(Main.OK, r.rc(), r.out() + r.err());
    assertTrue(r.out().contains("table region_gender_age: method dp discrete-gaussian"), r.out());
    // 2 tables and a flag group of 2: the budget split over 4
    assertTrue(r.out().contains("for each of the 4 tables"), r.out());
    assertTrue(r.out().contains("(epsilon, delta) = (1.0, 1.0E-6)"), r.out());
    assertTrue(r.out().contains("not printed under method dp"), r.out());
    assertFalse(r.out().matches("(?s).*table \\S+: \\d+ rows left out.*"), r.out());
    assertTrue(r.out().contains("seeded, not for publication"), r.out());
    String def = Files.readString(out.resolve("region_gender.table.json"));
    assertTrue(def.contains("\"noise\"") && def.contains("\"tablesInRelease\" : 4"), def);
    String table = Files.readString(out.resolve("region_gender.csv"));
    assertTrue(table.startsWith("UN_COE_Region,gender,value,status\n"), table);
    for (String line : table.split("\n")) {
      assertFalse(line.endsWith(",primary") || line.endsWith(",secondary"), "no cell is suppressed: " + line);
    }
    // the same seed, the same files
    Path again = dir.resolve("again");
    Run r2 = ctdc("tables", "--config", cfg.toString(), "--in", csv.toString(), "--out", again.toString());
    assertEquals(Main.OK, r2.rc(), r2.err());
    for (String f : new String[] {"region_gender_age.csv", "region_gender.table.json", "exploitation.isForcedLabour.csv",
        "tables-report.txt"}) {
      assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
    }
    // the audit fails closed
    Run audit = ctdc("audit", "--table", out.resolve("region_gender.csv").toString(), "--definition",
        out.resolve("region_gender.table.json").toString());
    assertEquals(Main.INVALID, audit.rc(), audit.out() + audit.err());
    assertTrue(audit.err().contains("protection.noise") && audit.err().contains("does not apply"), audit.err());
  }

  @Test
  void issue17_aBadDpBlockIsAUsersMistakeNamingTheKeyWithoutAStackTrace() throws Exception {
    Path cfg = dpConfig("dp:\n  mechanism: laplace\n  epsilon: 1\n  delta: 0.01\n");
    Path csv = copy("/org/ctdc/cli/samples/CTDC_VPsynthetic_condensed.csv", "vp.csv");
    Run r = ctdc("tables", "--config", cfg.toString(), "--in", csv.toString(), "--out", dir.resolve("o").toString());
    assertEquals(Main.INVALID, r.rc(), r.out() + r.err());
    assertTrue(r.err().contains("dp.yaml: dp.delta: delta: mechanism laplace gives pure epsilon-DP"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertFalse(Files.exists(dir.resolve("o")), "nothing written");
  }
}
