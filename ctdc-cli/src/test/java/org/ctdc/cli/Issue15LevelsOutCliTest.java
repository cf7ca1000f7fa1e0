package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: the protection levels of a magnitude table hold the values of its suppressed cells, so
 * {@code ctdc tables} never writes them into the publication folder: it needs {@code --levels-out DIR}
 * outside {@code --out}, and {@code ctdc audit --levels DIR} reads them from there.
 */
class Issue15LevelsOutCliTest {
  @TempDir Path dir;

  private static final String SCHEMA = """
      schemaFormat: 1
      name: earnings
      version: "1"
      format: {missing: [""], delimiter: ","}
      variables:
        - name: region
          kind: categorical
          values: [{code: A1}, {code: A2}, {code: B1}]
        - {name: amount, kind: count}
      """;

  private Path config() throws Exception {
    Files.writeString(dir.resolve("schema.yaml"), SCHEMA);
    return Files.writeString(dir.resolve("tables.yaml"), """
        tablesConfig: 1
        schema: schema.yaml
        method: suppression
        rules:
          threshold: 0
          pPercent: 10
        dimensions:
          - name: region
            leaves: [A1, A2, B1]
        tables:
          - name: earnings
            dimensions: [region]
            magnitude: amount
        """);
  }

  private Path data() throws Exception {
    StringBuilder b = new StringBuilder("region,amount\nA1,1000\nA1,900\nA1,50\n");
    for (int i = 0; i < 30; i++) {
      b.append("A2,25\nB1,30\n");
    }
    return Files.writeString(dir.resolve("data.csv"), b.toString());
  }

  private static boolean anyLevelsFile(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> s = Files.walk(folder)) {
      return s.anyMatch(p -> p.getFileName().toString().endsWith(".levels.json"));
    }
  }

  @Test
  void issue15_magnitudeTablesNeedLevelsOutsideThePublicationFolder() throws Exception {
    Path cfg = config();
    Path in = data();
    Path out = dir.resolve("publish");
    CliTest.Run without = CliTest.run("tables", "--config", cfg.toString(), "--in", in.toString(), "--out", out.toString());
    assertEquals(Main.USAGE, without.code(), without.err());
    assertTrue(without.err().contains("--levels-out"), without.err());
    assertFalse(Files.exists(out.resolve("earnings.csv")));
    CliTest.Run inside = CliTest.run("tables", "--config", cfg.toString(), "--in", in.toString(), "--out", out.toString(),
        "--levels-out", out.resolve("levels").toString());
    assertEquals(Main.USAGE, inside.code(), inside.err());

    Path levels = dir.resolve("confidential");
    CliTest.Run r = CliTest.run("tables", "--config", cfg.toString(), "--in", in.toString(), "--out", out.toString(),
        "--levels-out", levels.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(Files.isRegularFile(out.resolve("earnings.csv")));
    assertFalse(anyLevelsFile(out), "no levels file in the publication folder");
    assertTrue(Files.isRegularFile(levels.resolve("earnings.levels.json")));
    assertFalse(Files.readString(out.resolve("earnings.csv")).contains("1950"));

    // the publisher's audit reads the levels from their folder; without them it cannot check them
    CliTest.Run audit = CliTest.run("audit", "--table", out.resolve("earnings.csv").toString(), "--definition",
        out.resolve("earnings.table.json").toString(), "--levels", levels.toString());
    assertEquals(Main.OK, audit.code(), audit.out() + audit.err());
    CliTest.Run blind = CliTest.run("audit", "--table", out.resolve("earnings.csv").toString(), "--definition",
        out.resolve("earnings.table.json").toString());
    assertEquals(Main.INVALID, blind.code(), blind.out() + blind.err());
    assertTrue(blind.err().contains("earnings.levels.json: cannot read"), blind.err());
  }
}
