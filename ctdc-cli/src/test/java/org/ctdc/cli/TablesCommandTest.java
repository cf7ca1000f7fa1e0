package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TablesCommandTest {
  @TempDir Path dir;

  private Path copy(String resource, String name) throws Exception {
    Path p = dir.resolve(name);
    try (var in = getClass().getResourceAsStream(resource)) {
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void tablesOfTheVpSampleAreWrittenInTheLongFormatAndPassTheAudit() throws Exception {
    Path cfg = copy("/org/ctdc/cli/tables/vp-tables.yaml", "t.yaml");
    Path csv = copy("/org/ctdc/cli/samples/CTDC_VPsynthetic_condensed.csv", "vp.csv");
    Path out = dir.resolve("out");
    StringWriter sw = new StringWriter();
    CommandLine cl = new CommandLine(new TablesCommand());
    cl.setOut(new PrintWriter(sw));
    int rc = cl.execute("--config", cfg.toString(), "--in", csv.toString(), "--out", out.toString());
    assertEquals(Main.OK, rc, sw.toString());
    String table = Files.readString(out.resolve("region_gender_age.csv"));
    assertTrue(table.startsWith("UN_COE_Region,gender,majority,value,status\n"));
    assertTrue(Files.exists(out.resolve("region_gender_age.table.json")));
    assertTrue(Files.exists(out.resolve("exploitation.isForcedLabour.csv")));
    assertTrue(Files.readString(out.resolve("region_gender.hxl.csv")).contains("#affected+sex"));
    for (String line : table.split("\n")) {
      if (line.endsWith(",primary") || line.endsWith(",secondary")) {
        assertTrue(line.contains(",,"), "suppressed rows carry no value: " + line);
      }
    }
  }

  @Test
  void tablesAreNeverWrittenOverTheirInput() throws Exception {
    Path cfg = copy("/org/ctdc/cli/tables/vp-tables.yaml", "t.yaml");
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    // the records sit in the output folder under the name of one of the tables' files
    Path csv = copy("/org/ctdc/cli/samples/CTDC_VPsynthetic_condensed.csv", "out/region_gender_age.csv");
    byte[] before = Files.readAllBytes(csv);
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new TablesCommand());
    cl.setErr(new PrintWriter(err));
    int rc = cl.execute("--config", cfg.toString(), "--in", csv.toString(), "--out", out.toString());
    assertEquals(Main.USAGE, rc, err.toString());
    assertTrue(err.toString().contains("--out (its region_gender_age.csv) names the same file as --in"), err.toString());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(csv)), "the input is untouched");
    try (var files = Files.list(out)) {
      assertEquals(1, files.count(), "nothing else written");
    }
  }

  @Test
  void aConfigurationWithoutTablesIsRejectedNamingTheKey() throws Exception {
    Path cfg = dir.resolve("bad.yaml");
    Files.writeString(cfg, "tablesConfig: 1\nschema: ctdc-victim-perpetrator\ndimensions: []\n");
    Path csv = copy("/org/ctdc/cli/samples/CTDC_VPsynthetic_condensed.csv", "vp.csv");
    StringWriter err = new StringWriter();
    int rc = Main.run(new String[] {"validate", "--help"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(Main.OK, rc);
    CommandLine cl = new CommandLine(new TablesCommand());
    cl.setErr(new PrintWriter(err));
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      err.write(ex.getMessage());
      return Main.INVALID;
    });
    rc = cl.execute("--config", cfg.toString(), "--in", csv.toString(), "--out", dir.resolve("o").toString());
    assertEquals(Main.INVALID, rc);
    assertTrue(err.toString().contains("tables: at least one table is required"), err.toString());
  }
}
