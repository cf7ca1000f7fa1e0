package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ctdc.schema.CtdcException;
import org.ctdc.testkit.FuzzAssertions;

/**
 * Fuzzes the tables' files: table definitions ({@link TablesConfig#read(Path)}) and perturbation tables in
 * the ptable layout ({@link PerturbationTable#load(Path)}). In a plain build these run over the committed
 * corpus in {@code src/test/resources/org/ctdc/deid/table/TableFilesFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} they fuzz (see {@code docs/fuzzing.md}).
 *
 * <p>The property: every input either reads, or throws a {@link CtdcException} whose message names the
 * file and quotes no long run of it, no control character and no value (issue 14). A perturbation table that reads keeps zeros at zero and never
 * publishes a count in {@code 1..js}. Any other throwable is a finding.
 */
class TableFilesFuzzTest {

  private static final Path DIR = tempDir();

  @FuzzTest(maxDuration = "2m")
  void tablesConfig(byte[] data) throws IOException {
    Path file = DIR.resolve("fuzz-tables.yaml");
    Optional<TablesConfig> read = FuzzAssertions.readOrRejectedClean(file, data, CtdcException.class,
        f -> TablesConfig.read(f), "CANARY-qx");
    if (read.isEmpty()) {
      return;
    }
    TablesConfig c = read.get();
    assertFalse(c.tables().isEmpty(), "a configuration has a table");
    for (TablesConfig.TableSpec t : c.tables()) {
      for (String d : t.dimensions()) {
        assertTrue(c.dimensions().containsKey(d), "a table's dimensions are defined");
      }
    }
  }

  @FuzzTest(maxDuration = "2m")
  void perturbationTable(byte[] data) throws IOException {
    Path file = DIR.resolve("fuzz-ptable.csv");
    Optional<PerturbationTable> read = FuzzAssertions.readOrRejectedClean(file, data, CtdcException.class,
        f -> PerturbationTable.load(f), "CANARY-qx");
    if (read.isEmpty()) {
      return;
    }
    PerturbationTable t = read.get();
    assertTrue(t.js() >= 0 && t.maxCount() >= 0);
    long[] keys = {0, 1, 1L << 31, (1L << 32) - 1};
    for (long count = 0; count <= t.maxCount() + 1 && count < 50; count++) {
      for (long key : keys) {
        long p = t.perturb(count, key);
        if (count == 0) {
          assertTrue(p == 0, "zeros stay zero");
        }
        assertTrue(p == 0 || p > t.js(), "no published count in 1..js");
      }
    }
  }

  private static Path tempDir() {
    try {
      Path d = Files.createTempDirectory("ctdc-tables-fuzz");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
