package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, CSV formula injection in tables: labels beginning with {@code -}, {@code +}, {@code =} or
 * {@code @} passed unchanged into NAME.csv and NAME.hxl.csv. They are now written with a quote in front (and
 * counted in the table's report), the independent audit still reads the tables back, and the guard can be
 * turned off.
 */
class Issue14TableFormulaGuardTest {
  @TempDir Path dir;

  private static final Schema SCHEMA = Schema.builder("guard-test", "1")
      .add(Variable.builder("sign", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("-ve", "+ve", "0")).build())
      .build();

  private static Dataset data() {
    Dataset.Appender a = Dataset.appender(SCHEMA);
    int[] counts = {30, 2, 25};
    for (int code = 0; code < counts.length; code++) {
      for (int i = 0; i < counts[code]; i++) {
        a.setCode(0, code).endRow();
      }
    }
    return a.build();
  }

  private static String yaml(boolean hxl) {
    return "tablesConfig: 1\nschema: guard-test\nmethod: suppression\n"
        + "output:\n  suppressedLabel: \"-\"\n" + (hxl ? "  hxl:\n    sign: \"#indicator\"\n" : "")
        + "dimensions:\n  - name: sign\n    total: \"=Total\"\n    leaves: [\"-ve\", \"+ve\", \"0\"]\n"
        + "tables:\n  - name: signs\n    dimensions: [sign]\n";
  }

  private List<String> lines(Path out, String file) throws Exception {
    return new ArrayList<>(List.of(Files.readString(out.resolve(file), StandardCharsets.UTF_8).split("\n")));
  }

  @Test
  void issue14_tableLabelsThatLookLikeFormulasAreNeutralisedCountedAndStillAudited() throws Exception {
    TablesConfig cfg = TablesConfig.parse(yaml(true), "t.yaml", dir);
    Path out = dir.resolve("out");
    // the suppression run writes the tables, then audits them by reading the CSV files back
    TablesRun.Outcome o = TablesRun.of(cfg, out).run(data());
    List<String> csv = lines(out, "signs.csv");
    assertTrue(csv.contains("'-ve,30,publishable"), csv.toString());
    assertTrue(csv.stream().anyMatch(l -> l.startsWith("'+ve,,")), csv.toString());
    assertTrue(csv.contains("0,,secondary") || csv.contains("0,25,publishable"), csv.toString());
    assertTrue(csv.stream().anyMatch(l -> l.startsWith("'=Total,")), csv.toString());
    List<String> hxl = lines(out, "signs.hxl.csv");
    assertTrue(hxl.stream().anyMatch(l -> l.startsWith("'+ve,'-,")), "the label '-' too: " + hxl);
    TableReport r = o.reports().get(0);
    // signs.csv: 3 labels; signs.hxl.csv: 3 labels and the suppressed label of every hidden cell
    long hidden = hxl.stream().filter(l -> l.contains(",'-,")).count();
    assertEquals(6 + hidden, r.formulaCellsNeutralised());
    assertEquals(r.formulaCellsNeutralised(), TableWriter.neutralisedCells(
        protectedTable(cfg), cfg.output()));
    String report = Files.readString(out.resolve("tables-report.txt"));
    assertTrue(report.contains("formula guard: " + r.formulaCellsNeutralised() + " CSV cells written with a ' in front"),
        report);
    // the JSON files are not CSV: labels as they are
    assertTrue(Files.readString(out.resolve("signs.json")).contains("\"sign\" : \"-ve\""));
  }

  @Test
  void issue14_withTheGuardOffTableLabelsAreWrittenAsTheyAre() throws Exception {
    TablesConfig cfg = TablesConfig.parse(yaml(false), "t.yaml", dir);
    cfg = cfg.withOutput(cfg.output().withFormulaGuard(false));
    Path out = dir.resolve("raw");
    TablesRun.Outcome o = TablesRun.of(cfg, out).run(data());
    assertTrue(lines(out, "signs.csv").contains("-ve,30,publishable"));
    assertEquals(0, o.reports().get(0).formulaCellsNeutralised());
    assertTrue(o.reports().get(0).lines().stream().noneMatch(l -> l.contains("formula guard")));
  }

  private static ProtectedTable protectedTable(TablesConfig cfg) {
    Tabulation.Result t = Tabulation.tabulate(data(), TableDefinition.of("signs", List.of(cfg.dimensions().get("sign"))),
        List.of("sign"), java.util.Map.of(), java.util.Optional.empty(), java.util.Optional.empty());
    return TableProtector.builder(cfg.rules()).build().suppress(List.of(t.table())).tables().get(0);
  }
}
