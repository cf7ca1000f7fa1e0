package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: {@code ctdc audit} reads the levels file a definition names and fails a primary that misses them. */
class Issue15AuditLevelsCliTest {
  @TempDir Path dir;

  @Test
  void issue15_auditChecksTheLevelsFileTheDefinitionNames() throws Exception {
    // c0 = 1950 (1000 + 900 + 50, p%-rule at p = 10) protected by c1 = 5 only: [0, 1955]
    Path csv = Files.writeString(dir.resolve("m.csv"),
        "cell,value,status\nc0,,primary\nc1,,secondary\nc2,1000,publishable\nTotal,2955,publishable\n");
    String def = "{\"tableFormat\": 1, \"name\": \"m\", \"dimensions\": [{\"name\": \"cell\", \"total\": \"Total\","
        + " \"hierarchy\": {\"Total\": [\"c0\", \"c1\", \"c2\"]}}], \"protection\": {\"minWidth\": 1%s}}";
    Path oldDef = Files.writeString(dir.resolve("old.table.json"), String.format(def, ""));
    CliTest.Run today = CliTest.run("audit", "--table", csv.toString(), "--definition", oldDef.toString());
    assertEquals(0, today.code(), today.err());
    Path newDef = Files.writeString(dir.resolve("m.table.json"), String.format(def, ", \"levels\": \"m.levels.json\""));
    CliTest.Run missing = CliTest.run("audit", "--table", csv.toString(), "--definition", newDef.toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("m.levels.json: cannot read: no such file"), missing.err());
    assertFalse(missing.err().contains("\tat "), missing.err());
    Files.writeString(dir.resolve("m.levels.json"), "{\"protectionLevels\": 1, \"table\": \"m\", \"cells\":"
        + " [{\"cell\": [\"c0\"], \"value\": 1950, \"lower\": 50, \"upper\": 50}]}");
    CliTest.Run levels = CliTest.run("audit", "--table", csv.toString(), "--definition", newDef.toString());
    assertEquals(1, levels.code(), levels.out());
    assertTrue(levels.out().contains("m(c0): primary: interval [0, 1955]: EXPOSED (upper protection)"), levels.out());
    assertFalse(levels.out().contains("1950"), levels.out());
  }
}
