package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ctdc.deid.audit.PublishedTableDefinition;
import org.ctdc.deid.audit.TableFormatException;
import org.ctdc.deid.table.PerturbationTable;
import org.ctdc.deid.table.PerturbationTableException;
import org.ctdc.deid.table.TableException;
import org.ctdc.deid.table.TablesConfig;
import org.ctdc.schema.CtdcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14: every file format of ctdc-deid is read with the one strict reader set-up. A misspelt key is an
 * error naming the file, the path and the key (never a default silently used), a duplicated key is an
 * error, parse errors never quote the file, and relative paths resolve against the file's folder.
 */
class Issue14StrictReadersTest {

  @TempDir Path dir;

  private static final String TABLES = String.join("\n",
      "tablesConfig: 1",
      "schema: ctdc-global-kanon@2020",
      "rules: {threshold: 11, dominance: {n: 2, k: 85}}",
      "output: {suppressedLabel: '<11'}",
      "dimensions:",
      "  - {name: gender, leaves: [Female, Male]}",
      "tables:",
      "  - {name: by_gender, dimensions: [gender], margins: {gender: [Total]}}",
      "");

  private String tablesError(String text) throws IOException {
    Path f = Files.writeString(dir.resolve("t.yaml"), text);
    TableException e = assertThrows(TableException.class, () -> TablesConfig.read(f));
    assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
    return e.getMessage().substring(f.toString().length() + 2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      top level           | 'tablesConfig: 1'                    | 'tablesConfig: 1\\nmehtod: round-down'    | unknown key 'mehtod' (known: base, cellKeySeed, dimensions,
      rules               | 'threshold: 11,'                     | 'treshold: 3,'                            | rules: unknown key 'treshold' (known: bound, dominance,
      dominance           | '{n: 2, k: 85}'                      | '{n: 2, K: 85}'                           | rules.dominance: unknown key 'K' (known: k, n)
      output              | 'suppressedLabel:'                   | 'supressedLabel:'                         | output: unknown key 'supressedLabel' (known: hxl, suppressedLabel)
      dimension           | '{name: gender, leaves'              | '{name: gender, leafs'                    | dimensions[0]: unknown key 'leafs' (known: hierarchy, leaves, map, name, total, variable)
      table               | 'margins: {gender'                   | 'margin: {gender'                         | tables[0]: unknown key 'margin' (known: dimensions, flagGroup, magnitude, margins, name, publish)
      margin of no dimension | 'margins: {gender'                | 'margins: {gendr'                         | tables[0].margins: unknown key 'gendr'
      a number as text    | 'threshold: 11,'                     | 'threshold: eleven,'                      | rules.threshold: must be a whole number
      duplicate key       | 'tablesConfig: 1'                    | 'tablesConfig: 1\\ntablesConfig: 2'       | line 2: the key 'tablesConfig' appears twice in one mapping
      """)
  void issue14_aTablesConfigurationKeyMisspeltAnywhereIsNamed(String where, String from, String to, String rule)
      throws IOException {
    String text = TABLES.replace(from, to.replace("\\n", "\n"));
    assertFalse(text.equals(TABLES), "the replacement applies");
    String m = tablesError(text);
    assertTrue(m.startsWith(rule), where + ": " + m);
  }

  @Test
  void issue14_relativePathsOfATablesConfigurationResolveAgainstItsFolder() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("cfg"));
    Path f = Files.writeString(sub.resolve("t.yaml"), TABLES.replace("schema: ctdc-global-kanon@2020",
        "schema: schemas/release.yaml\nmethod: cell-key\nperturbationTable: tables/p.csv"));
    TablesConfig c = TablesConfig.read(f);
    assertEquals(Optional.of(sub.toAbsolutePath().resolve("tables/p.csv")), c.perturbationTable());
    assertEquals(sub.toAbsolutePath().resolve("schemas/release.yaml").toString(), c.schema());
    assertEquals("ctdc-global-kanon@2020", TablesConfig.read(Files.writeString(sub.resolve("u.yaml"), TABLES)).schema());
  }

  private static final String DEFINITION = "{\"tableFormat\": 1, \"name\": \"t\", \"dimensions\": [{\"name\": \"g\","
      + " \"total\": \"Total\", \"hierarchy\": {\"Total\": [\"F\", \"M\"]}}], \"protection\": {\"minWidth\": 1}}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      top level  | '"name": "t"'      | '"nmae": "t", "name": "t"'  | unknown key 'nmae' (known: dimensions, name, protection, tableFormat)
      dimension  | '"total": "Total"' | '"totl": "Total"'           | dimensions[0]: unknown key 'totl' (known: hierarchy, name, total)
      protection | '"minWidth": 1'    | '"minwidth": 1'             | protection: unknown key 'minwidth' (known: levels, minWidth, noise)
      duplicate  | '"name": "t"'      | '"name": "t", "name": "u"'  | line 1: the key 'name' appears twice in one mapping
      parse error | '"name": "t"'     | '"name": secretToken'       | line 1: not valid JSON
      """)
  void issue14_aTableDefinitionKeyMisspeltAnywhereIsNamed(String where, String from, String to, String rule)
      throws IOException {
    String text = DEFINITION.replace(from, to);
    assertFalse(text.equals(DEFINITION));
    Path f = Files.writeString(dir.resolve("t.table.json"), text);
    TableFormatException e = assertThrows(TableFormatException.class, () -> PublishedTableDefinition.read(f));
    assertTrue(e.getMessage().startsWith(f + ": " + rule), where + ": " + e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    PublishedTableDefinition.read(Files.writeString(dir.resolve("ok.table.json"), DEFINITION));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      misspelt column | 'i,j,p,v,p_int_lb,p_int_ub,typ' | row 1 (header): unknown column 'typ' (known: i, j, p, v, p_int_lb, p_int_ub, type)
      repeated column | 'i,j,p,v,p_int_lb,p_int_ub,i'   | row 1 (header): column 'i' appears twice
      """)
  void issue14_aPerturbationTableHeaderIsStrict(String what, String header, String rule) throws IOException {
    Path f = Files.writeString(dir.resolve("p.csv"), header + "\n0,0,1,0,0,1," + (header.endsWith(",i") ? "0" : "x") + "\n");
    PerturbationTableException e = assertThrows(PerturbationTableException.class, () -> PerturbationTable.load(f));
    assertEquals(f + ": " + rule, e.getMessage(), what);
    Path ok = Files.writeString(dir.resolve("ok.csv"), "i,j,p,v,p_int_lb,p_int_ub,type\n0,0,1,0,0,1,all\n");
    assertEquals(0, PerturbationTable.load(ok).maxCount());
  }

  @Test
  void issue14_aDeidConfigurationKeyMisspeltOrDuplicatedIsNamed() throws IOException {
    Files.writeString(dir.resolve("age.csv"), "34;<50;*\n66;>=50;*\n");
    String good = "quasiIdentifiers:\n  - {name: age, hierarchy: age.csv}\nmodels:\n  - k: 2\n";
    DeidJob.read(Files.writeString(dir.resolve("deid.yaml"), good));
    Path f1 = Files.writeString(dir.resolve("d1.yaml"), good.replace("{name: age,", "{name: age, maxLvel: 1,"));
    CtdcException e1 = assertThrows(DeidException.class, () -> DeidJob.read(f1));
    assertTrue(e1.getMessage().startsWith(f1 + ": quasiIdentifiers[0]: unknown key 'maxLvel' (known: "), e1.getMessage());
    Path f2 = Files.writeString(dir.resolve("d2.yaml"), good + "input: {schema: a, schema: b}\n");
    CtdcException e2 = assertThrows(DeidException.class, () -> DeidJob.read(f2));
    assertEquals(f2 + ": input: line 5: the key 'schema' appears twice in one mapping", e2.getMessage());
  }

  @Test
  void issue14_relativePathsOfADeidConfigurationResolveAgainstItsFolder() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("conf/h"));
    Files.writeString(sub.resolve("age.csv"), "34;<50;*\n66;>=50;*\n");
    Files.write(dir.resolve("conf/key.bin"), new byte[32]);
    Path f = Files.writeString(dir.resolve("conf/deid.yaml"), "input: {schema: s/x.yaml}\n"
        + "quasiIdentifiers:\n  - {name: age, hierarchy: h/age.csv}\nmodels:\n  - k: 2\npseudonymKeyFile: key.bin\n");
    DeidJob job = DeidJob.read(f);
    Path conf = dir.resolve("conf").toAbsolutePath();
    assertEquals(Optional.of(conf.resolve("s/x.yaml").toString()), job.schema());
    assertTrue(job.filesRead().contains(conf.resolve("h/age.csv")), job.filesRead().toString());
    assertTrue(job.filesRead().contains(conf.resolve("key.bin")), job.filesRead().toString());
    assertEquals(Optional.of("ctdc-global-kanon@2020"), DeidJob.read(Files.writeString(dir.resolve("conf/b.yaml"),
        "input: {schema: ctdc-global-kanon@2020}\nquasiIdentifiers:\n  - {name: age, hierarchy: h/age.csv}\n"
            + "models:\n  - k: 2\n")).schema());
  }
}
