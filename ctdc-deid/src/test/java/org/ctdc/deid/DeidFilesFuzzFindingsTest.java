package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ctdc.deid.table.TableException;
import org.ctdc.deid.table.TablesConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What fuzzing the de-identification and tables files found, one behaviour per test. */
class DeidFilesFuzzFindingsTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private Path config(String extra) throws IOException {
    write("sex.csv", "F;*\nM;*\n");
    return write("deid.yaml", "quasiIdentifiers:\n  - {name: sex, hierarchy: sex.csv}\nmodels:\n  - k: 2\n" + extra);
  }

  @Test
  void aDuplicateKeyInADeidConfigIsAnErrorNotASilentOverride() throws IOException {
    Path f = config("metric: loss\nmetric: precision\n");
    DeidException e = assertThrows(DeidException.class, () -> DeidJob.read(f));
    assertEquals(f + ": line 6: the key 'metric' appears twice in one mapping", e.getMessage());
  }

  @Test
  void malformedDeidYamlIsReportedWithoutQuotingTheFileOrKeepingTheParsersException() throws IOException {
    Path f = write("bad.yaml", "models: [{k: Jane Roe secret\n");
    DeidException e = assertThrows(DeidException.class, () -> DeidJob.read(f));
    assertTrue(e.getMessage().startsWith(f + ": "), e::getMessage);
    assertFalse(e.getMessage().contains("Jane"), e::getMessage);
    assertEquals(null, e.getCause());
  }

  @Test
  void aRuleCheckedByTheConfigBuilderNamesTheFile() throws IOException {
    Path f = config("threads: 0\n");
    DeidException e = assertThrows(DeidException.class, () -> DeidJob.read(f));
    assertTrue(e.getMessage().startsWith(f + ": "), e::getMessage);
  }

  @Test
  void aPseudonymKeyFileThatIsNotARegularSmallFileIsRefusedBeforeReading() throws IOException {
    Files.createDirectory(dir.resolve("keys"));
    Path f = config("pseudonymKeyFile: keys\n");
    DeidException e = assertThrows(DeidException.class, () -> DeidJob.read(f));
    assertEquals(f + ": pseudonymKeyFile: 'keys' is not a regular file of at most 65536 bytes", e.getMessage());
  }

  @Test
  void aBrokenHierarchyFileIsNamedWithTheConfigKeyAndTheRow() throws IOException {
    write("sex.csv", "F;x;*\nF;y;*\n");
    Path f = write("deid.yaml", "quasiIdentifiers:\n  - {name: sex, hierarchy: sex.csv}\nmodels:\n  - k: 2\n");
    DeidException e = assertThrows(DeidException.class, () -> DeidJob.read(f));
    assertTrue(e.getMessage().startsWith(f + ": quasiIdentifiers[0].hierarchy: " + dir.resolve("sex.csv") + ": "),
        e::getMessage);
    assertTrue(e.getMessage().contains("row 2"), e::getMessage);
  }

  @Test
  void aHierarchyFileErrorNamesTheFileAndTheRowsButNoLabel() throws IOException {
    String label = "L".repeat(5000);
    Path h = write("h.csv", label + ";*\n" + label + ";*\n");
    HierarchyException e = assertThrows(HierarchyException.class, () -> Hierarchy.readArx(h, ';'));
    assertEquals(h + ": hierarchy 'h': row 2: its value on level 0 is listed on row 1 already"
        + " (rule: each value once on level 0)", e.getMessage());
  }

  @Test
  void aHierarchyFileThatIsNotUtf8IsReportedAsSuch() throws IOException {
    Path h = dir.resolve("b.csv");
    Files.write(h, new byte[] {'a', ';', (byte) 0xff, '\n'});
    HierarchyException e = assertThrows(HierarchyException.class, () -> Hierarchy.readArx(h, ';'));
    assertEquals(h + ": hierarchy 'b': row 1: not valid UTF-8 text (a hierarchy file is UTF-8)", e.getMessage());
  }

  @Test
  void aTablesConfigRuleCheckedByADimensionNamesTheFile() throws IOException {
    Path f = write("t.yaml", "tablesConfig: 1\nschema: s\ndimensions:\n  - name: d\n    hierarchy: {Top: [a]}\n"
        + "tables: [{name: t, dimensions: [d]}]\n");
    TableException e = assertThrows(TableException.class, () -> TablesConfig.read(f));
    assertTrue(e.getMessage().startsWith(f + ": dimension 'd'"), e::getMessage);
  }

  @Test
  void aDuplicateKeyInATablesConfigIsAnError() throws IOException {
    Path f = write("t.yaml", "tablesConfig: 1\ntablesConfig: 1\n");
    TableException e = assertThrows(TableException.class, () -> TablesConfig.read(f));
    assertEquals(f + ": line 2: the key 'tablesConfig' appears twice in one mapping", e.getMessage());
  }

  @Test
  void aTablesConfigNestedDeeperThanTheLimitIsRejected() throws IOException {
    Path f = write("t.yaml", "tablesConfig: 1\ndimensions: " + "[".repeat(40) + "]".repeat(40) + "\n");
    TableException e = assertThrows(TableException.class, () -> TablesConfig.read(f));
    assertTrue(e.getMessage().startsWith(f + ": ") && e.getMessage().contains("over a reading limit"),
        e::getMessage);
  }

  @Test
  void aLongDimensionNameIsShownCutInTheTablesConfigError() throws IOException {
    String name = "c" + "4".repeat(80) + "ountry";
    Path f = write("t.yaml", "tablesConfig: 1\nschema: s\ndimensions:\n  - name: " + name
        + "\n    hierarchy: {Top: [a]}\ntables: [{name: t, dimensions: [d]}]\n");
    TableException e = assertThrows(TableException.class, () -> TablesConfig.read(f));
    assertEquals(f + ": dimension 'c4444444444444444444...(87 chars)': hierarchy has no entry for its total 'Total'",
        e.getMessage());
  }

  @Test
  void aByteOrderMarkInsideAHierarchyIsRefusedNamingTheRow() throws IOException {
    Path h = write("m.csv", "\uFEFFF;*\n\uFEFFM;*\n");
    HierarchyException e = assertThrows(HierarchyException.class, () -> Hierarchy.readArx(h, ';'));
    assertEquals(h + ": hierarchy 'm': row 2, level 0: a label holds a byte-order mark (U+FEFF), invisible and probably"
        + " left from joining files", e.getMessage());
  }
}
