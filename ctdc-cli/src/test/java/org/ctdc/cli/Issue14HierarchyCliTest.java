package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: {@code deid}, {@code verify}, {@code tables} and {@code audit} on hostile hierarchy and table
 * inputs (a data file or a passwd file named as a hierarchy, a 5,000-level hierarchy, a 10,000-level
 * dimension, a 20,000-level definition chain, table cells holding NUL and escape sequences) end with a
 * one-line error and exit code 1 (invalid data, the README's table), no stack trace, no canary in any
 * stream, no control character, and no output file.
 */
class Issue14HierarchyCliTest {
  private static final String CASE = "CASE-7731-0042";
  private static final String NAME = "Jane Roe-Canary";
  private static final List<String> CANARIES = List.of(CASE, NAME, "root:x", "/bin/bash", "nologin", "owned", "[2J");

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  /** Runs the command line; checks exit 1, one error line naming {@code where}, nothing else. */
  private String fails(String where, String... args) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    String all = out + "\n" + err;
    // verify tells "cannot read" (a hierarchy its spec names included) from "verification failed" by its message
    // (issue 14); the exit code is 1, as for every command (issue 16)
    assertEquals("verify".equals(args[0]) ? VerifyCommand.NOT_VERIFIED : Main.INVALID, code, all);
    String e = err.toString().strip();
    assertFalse(e.contains("\n"), () -> "more than one line: " + e);
    assertTrue(e.startsWith("ctdc: ") && e.contains(where), e);
    assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("internal error"), all);
    for (String c : CANARIES) {
      assertFalse(all.contains(c), () -> "'" + c + "' in " + all);
    }
    assertTrue(e.chars().noneMatch(c -> c < 0x20 || c == 0x7f), () -> "a control character: " + e);
    try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
      assertEquals(List.of(dir.resolve("out")), files.toList(), "no output written");
    }
    return e;
  }

  private Path data() throws IOException {
    Files.createDirectories(dir.resolve("out"));
    return write("in.csv", "age,sex\n34,F\n35,M\n");
  }

  @Test
  void issue14_deidWithADataFileAsHierarchy() throws IOException {
    Path in = data();
    write("cases.csv", "caseNumber,name,age\n" + CASE + "," + NAME + ",34\nCASE-7731-0043,John Doe,35\n");
    Path cfg = write("deid.yaml", "quasiIdentifiers:\n  - {name: age, hierarchy: cases.csv}\nmodels:\n  - k: 2\n");
    fails("rule: a single top value", "deid", "--config", cfg.toString(), "--in", in.toString(),
        "--out", dir.resolve("out/release.csv").toString());
  }

  @Test
  void issue14_deidWithAPasswdFileAsHierarchy() throws IOException {
    Path in = data();
    write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
    Path cfg = write("conf/deid.yaml",
        "quasiIdentifiers:\n  - {name: age, hierarchy: ../etc/passwd}\nmodels:\n  - k: 2\n");
    fails("hierarchy 'passwd'", "deid", "--config", cfg.toString(), "--in", in.toString(),
        "--out", dir.resolve("out/release.csv").toString());
  }

  @Test
  void issue14_deidWithAFiveThousandLevelHierarchy() throws IOException {
    Path in = data();
    StringBuilder sb = new StringBuilder();
    for (String leaf : List.of("34", "35")) {
      sb.append(leaf);
      for (int l = 1; l < 5000; l++) {
        sb.append(";g").append(l);
      }
      sb.append('\n');
    }
    write("age.csv", sb.toString());
    Path cfg = write("deid.yaml", "quasiIdentifiers:\n  - {name: age, hierarchy: age.csv}\nmodels:\n  - k: 2\n");
    fails("row 1: more than 64 levels (limit)", "deid", "--config", cfg.toString(), "--in", in.toString(),
        "--out", dir.resolve("out/release.csv").toString());
  }

  @Test
  void issue14_verifyWithADataFileAsHierarchy() throws IOException {
    Path in = data();
    write("cases.csv", "caseNumber;name;age\n" + CASE + ";" + NAME + ";34\nCASE-7731-0043;" + NAME + ";35\n");
    Path spec = write("verify.yaml", "quasiIdentifiers:\n  - {name: age, hierarchy: cases.csv}\nk: 2\n");
    fails("hierarchy", "verify", "--spec", spec.toString(), "--in", in.toString());
  }

  @Test
  void issue14_verifyWithAControlCharacterInAHierarchy() throws IOException {
    Path in = data();
    write("age.csv", "34;*\n35\u001b[2J;*\n");
    Path spec = write("verify.yaml", "quasiIdentifiers:\n  - {name: age, hierarchy: age.csv}\nk: 2\n");
    fails("row 2, level 0: a label holds a control character", "verify", "--spec", spec.toString(),
        "--in", in.toString());
  }

  @Test
  void issue14_tablesWithATenThousandLevelDimension() throws IOException {
    Path in = data();
    StringBuilder h = new StringBuilder("      Total: [L1]\n");
    for (int i = 1; i < 10_000; i++) {
      h.append("      L").append(i).append(": [L").append(i + 1).append("]\n");
    }
    Path cfg = write("tables.yaml", "tablesConfig: 1\nschema: ctdc-victim-perpetrator\nmethod: suppression\n"
        + "dimensions:\n  - name: gender\n    hierarchy:\n" + h + "tables:\n  - name: t\n    dimensions: [gender]\n");
    fails("more than 64 levels deep below its total (limit)", "tables", "--config", cfg.toString(),
        "--in", in.toString(), "--out", dir.resolve("out/tables").toString());
  }

  @Test
  void issue14_auditWithATwentyThousandLevelDefinitionChain() throws IOException {
    data();
    StringBuilder h = new StringBuilder("{\"Total\":[\"n1\"]");
    for (int i = 1; i < 20_000; i++) {
      h.append(",\"n").append(i).append("\":[\"n").append(i + 1).append("\"]");
    }
    Path json = write("t.table.json", "{\"tableFormat\":1,\"name\":\"t\",\"dimensions\":[{\"name\":\"d\","
        + "\"total\":\"Total\",\"hierarchy\":" + h + "}}]}");
    Path csv = write("t.csv", "d,value,status\nTotal,3,publishable\n");
    fails("more than 64 levels deep below its total (limit)", "audit", "--table", csv.toString(),
        "--definition", json.toString());
  }

  @Test
  void issue14_auditWithNulAndEscapeSequencesInCells() throws IOException {
    data();
    Path json = write("t.table.json", "{\"tableFormat\":1,\"name\":\"t\",\"dimensions\":[{\"name\":\"d\","
        + "\"total\":\"Total\",\"hierarchy\":{\"Total\":[\"a\",\"b\"]}}]}");
    String evil = NAME + "\u0000\u001b[2J\u001b]0;owned\u0007";
    Path csv = write("t.csv", "d,value,status\nTotal,3,publishable\n" + evil + ",1,publishable\n");
    fails("line 3: column 'd': a code that is not in the dimension's hierarchy", "audit", "--table",
        csv.toString(), "--definition", json.toString());
    Path status = write("s.csv", "d,value,status\nTotal,3," + evil + "\n");
    fails("line 2: column 'status'", "audit", "--table", status.toString(), "--definition", json.toString());
  }
}
