package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ctdc.schema.CtdcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {
  private static final String DEF = """
      {"tableFormat":1,"name":"t","dimensions":[
        {"name":"row","total":"Total","hierarchy":{"Total":["r1","r2","r3"]}},
        {"name":"col","total":"Total","hierarchy":{"Total":["c1","c2","c3"]}}]}
      """;
  private static final String MARGINS = """
      r1,c3,8,publishable
      r2,c3,9,publishable
      r3,c1,4,publishable
      r3,c2,3,publishable
      r3,c3,10,publishable
      r1,Total,15,publishable
      r2,Total,21,publishable
      r3,Total,17,publishable
      Total,c1,10,publishable
      Total,c2,16,publishable
      Total,c3,27,publishable
      Total,Total,53,publishable
      """;

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new AuditCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      if (ex instanceof CtdcException) {
        c.getErr().println("ctdc: " + ex.getMessage());
        return Main.INVALID;
      }
      throw ex;
    });
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path[] files(String inner) throws Exception {
    Path csv = dir.resolve("t.csv");
    Path json = dir.resolve("t.table.json");
    Files.writeString(csv, "row,col,value,status\n" + inner + MARGINS);
    Files.writeString(json, DEF);
    return new Path[] {csv, json};
  }

  @Test
  void exposedPrimaryExitsOneAndPrintsItsInterval() throws Exception {
    Path[] f = files("r1,c1,,primary\nr1,c2,6,publishable\nr2,c1,5,publishable\nr2,c2,7,publishable\n");
    Run r = run("--table", f[0].toString(), "--definition", f[1].toString(), "--min-width", "2");
    assertEquals(Main.INVALID, r.code(), r.err());
    assertTrue(r.out().contains("t(r1, c1): primary: interval [1, 1]: EXPOSED (determined)"), r.out());
    assertTrue(r.out().contains("FAILED"), r.out());
  }

  @Test
  void protectedPatternExitsZero() throws Exception {
    Path[] f = files("r1,c1,,primary\nr1,c2,,secondary\nr2,c1,,secondary\nr2,c2,,secondary\n");
    Run r = run("--table", f[0].toString(), "--definition", f[1].toString(), "--min-width", "2");
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("t(r1, c1): primary: interval [0, 6]: protected"), r.out());
    Run tooWide = run("--table", f[0].toString(), "--definition", f[1].toString(), "--min-width", "7", "-q");
    assertEquals(Main.INVALID, tooWide.code());
    assertFalse(tooWide.out().contains("r1, c1"), tooWide.out());
  }

  @Test
  void malformedTableIsOneLineNamingFileAndLine() throws Exception {
    Path[] f = files("r1,c1,3,primary\nr1,c2,6,publishable\nr2,c1,5,publishable\nr2,c2,7,publishable\n");
    Run r = run("--table", f[0].toString(), "--definition", f[1].toString());
    assertEquals(Main.INVALID, r.code());
    assertTrue(r.err().contains("t.csv: line 2: column 'value'"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void unmatchedTableAndDefinitionCountsAreAUsageError() throws Exception {
    Path[] f = files("r1,c1,,primary\n");
    Run r = run("--table", f[0].toString(), "--table", f[0].toString(), "--definition", f[1].toString());
    assertEquals(Main.USAGE, r.code());
  }
}
