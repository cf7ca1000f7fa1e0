package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ctdc.deid.verify.VerificationException;
import org.ctdc.deid.verify.VerificationSpec;
import org.ctdc.schema.CtdcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14: a hierarchy file's errors say what is wrong by file, row and level and never quote the file (a
 * data file or {@code /etc/passwd} named by mistake), and a hierarchy as deep as a data file is wide fails
 * at once with a clear error instead of costing gigabytes.
 */
class Issue14HierarchyFilesTest {
  /** A case number and a name that must never appear in a message. */
  static final String CASE = "CASE-7731-0042";
  static final String NAME = "Jane Roe-Canary";
  static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
      + "bin:x:2:2:bin:/bin:/usr/sbin/nologin\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static void assertClean(CtdcException e, String... canaries) {
    String m = e.getMessage();
    for (String c : canaries) {
      assertFalse(m.contains(c), () -> "quotes '" + c + "': " + m);
    }
    assertTrue(m.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f), () -> "a control character: " + m);
    assertFalse(m.contains("Exception"), m);
  }

  /** Data files named as hierarchies, each broken in another way: top level, parents, duplicates. */
  @ParameterizedTest
  @ValueSource(strings = {
      "caseNumber,name,age\n" + CASE + "," + NAME + ",34\nCASE-7731-0043,John Doe,35\n",
      "caseNumber;name;age\n" + CASE + ";" + NAME + ";34\nCASE-7731-0043;" + NAME + ";35\n",
      CASE + ";" + NAME + ";*\n" + CASE + ";" + NAME + ";*\n",
      CASE + ";" + NAME + ";*\nCASE-7731-0043;x;*;extra\n"})
  void issue14_aDataFileNamedAsAHierarchyIsNeverQuoted(String data) throws IOException {
    Path f = write("cases.csv", data);
    HierarchyException e = assertThrows(HierarchyException.class, () -> Hierarchy.readArx(f, ';'));
    assertTrue(e.getMessage().startsWith(f + ": hierarchy 'cases': "), e::getMessage);
    assertClean(e, CASE, NAME, "7731-0042", "Roe");
  }

  @Test
  void issue14_aDataFileNamedByADeidConfigIsNeverQuoted() throws IOException {
    write("cases.csv", "caseNumber,name,age\n" + CASE + "," + NAME + ",34\n");
    Path cfg = write("deid.yaml", "quasiIdentifiers:\n  - {name: age, hierarchy: cases.csv}\nmodels:\n  - k: 2\n");
    DeidException e = assertThrows(DeidException.class, () -> DeidJob.read(cfg));
    assertEquals(cfg + ": quasiIdentifiers[0].hierarchy: " + dir.resolve("cases.csv") + ": hierarchy 'cases':"
        + " the top level 0 holds 2 values, rows 1 and 2 differ there (rule: a single top value)", e.getMessage());
  }

  @Test
  void issue14_aPasswdFileReachedByARelativePathIsNeverQuoted() throws IOException {
    write("etc/passwd", PASSWD);
    Path cfg = write("conf/deid.yaml",
        "quasiIdentifiers:\n  - {name: age, hierarchy: ../etc/passwd}\nmodels:\n  - k: 2\n");
    DeidException e = assertThrows(DeidException.class, () -> DeidJob.read(cfg));
    assertClean(e, "root:x", "/bin/bash", "daemon", "nologin");
    assertTrue(e.getMessage().contains("rule: a single top value"), e::getMessage);
    HierarchyException direct = assertThrows(HierarchyException.class,
        () -> Hierarchy.readArx(dir.resolve("etc/passwd"), ':'));
    assertClean(direct, "root", "/bin/bash", "daemon", "nologin");
  }

  @Test
  void issue14_theVerifiersHierarchyErrorsQuoteNothingEither() {
    List<List<String>> rows = List.of(List.of(CASE, NAME, "*"), List.of("CASE-7731-0043", NAME, "x"));
    VerificationException e = assertThrows(VerificationException.class,
        () -> VerificationSpec.builder().quasiIdentifiers(List.of("age")).hierarchy("age", rows).k(2).build());
    assertClean(e, CASE, NAME);
  }

  @Test
  void issue14_invalidUtf8IsAClearErrorOnItsRow() throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.write(f, ("a;*\nb;*\n" + NAME + ";").getBytes(StandardCharsets.UTF_8));
    Files.write(f, new byte[] {(byte) 0xC3, '\n'}, java.nio.file.StandardOpenOption.APPEND);
    HierarchyException e = assertThrows(HierarchyException.class, () -> Hierarchy.readArx(f, ';'));
    assertEquals(f + ": hierarchy 'bad': row 3: not valid UTF-8 text (a hierarchy file is UTF-8)", e.getMessage());
  }

  @Test
  void issue14_controlCharactersAndBlankLinesInsideAreRefusedByPosition() throws IOException {
    Path esc = write("esc.csv", "a;*\nb\u001b[2J;*\n");
    assertEquals(esc + ": hierarchy 'esc': row 2, level 0: a label holds a control character",
        assertThrows(HierarchyException.class, () -> Hierarchy.readArx(esc, ';')).getMessage());
    Path blank = write("blank.csv", "a;*\n\nb;*\n\n\n");
    assertEquals(blank + ": hierarchy 'blank': row 2: a blank line inside the hierarchy (blank lines are allowed"
        + " only at the end)", assertThrows(HierarchyException.class, () -> Hierarchy.readArx(blank, ';')).getMessage());
    assertEquals(2, Hierarchy.readArx(write("end.csv", "a;*\r\nb;*\r\n\r\n"), ';').leaves().size());
  }

  @Test
  void issue14_aFolderIsNotReadAsAHierarchy() throws IOException {
    Path d = Files.createDirectory(dir.resolve("h.csv"));
    assertEquals(d + ": hierarchy 'h': not a regular file",
        assertThrows(HierarchyException.class, () -> Hierarchy.readArx(d, ';')).getMessage());
  }

  /** 5,000 levels on 400 rows: the file is rejected at its first row, without building anything. */
  @Test
  void issue14_aFiveThousandLevelHierarchyFailsAtOnceWithoutHugeMemory() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < 400; r++) {
      sb.append("v").append(r);
      for (int l = 1; l < 5000; l++) {
        sb.append(";g").append(l);
      }
      sb.append('\n');
    }
    Path f = write("deep.csv", sb.toString());
    long size = Files.size(f);
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    HierarchyException e = assertThrows(HierarchyException.class, () -> Hierarchy.readArx(f, ';'));
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertEquals(f + ": hierarchy 'deep': row 1: more than 64 levels (limit)", e.getMessage());
    assertTrue(allocated < 8 * size, "allocated " + allocated + " bytes for a file of " + size);
  }

  @Test
  void issue14_theLevelLimitHoldsForBuiltHierarchiesAndTheVerifierAlike() {
    List<String> row = new java.util.ArrayList<>();
    for (int l = 0; l < Hierarchy.MAX_LEVELS; l++) {
      row.add(l == Hierarchy.MAX_LEVELS - 1 ? "*" : "v" + l);
    }
    assertEquals(64, Hierarchy.of("ok", List.of(row)).levels());
    VerificationSpec.builder().quasiIdentifiers(List.of("ok")).hierarchy("ok", List.of(row)).k(1).build();
    List<String> deeper = new java.util.ArrayList<>(row);
    deeper.add(0, "leaf");
    assertEquals("hierarchy 'deep': row 1: more than 64 levels (limit)",
        assertThrows(HierarchyException.class, () -> Hierarchy.of("deep", List.of(deeper))).getMessage());
    assertThrows(VerificationException.class,
        () -> VerificationSpec.builder().quasiIdentifiers(List.of("deep")).hierarchy("deep", List.of(deeper)).k(1).build());
    assertThrows(HierarchyException.class,
        () -> Hierarchy.readArx(new StringReader(String.join(";", deeper) + "\n"), "deep", ';'));
  }
}
