package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ctdc.schema.CtdcException;
import org.ctdc.testkit.FuzzAssertions;

/**
 * Fuzzes the de-identification files: hierarchy files in ARX's layout ({@link Hierarchy#readArx(Path,
 * char)}) and de-identification configurations ({@link DeidJob#read(Path)}; the configuration's folder
 * holds two valid hierarchy files, {@code age.csv} and {@code sex.csv}, that it may name). In a plain build
 * these run over the committed corpus in {@code src/test/resources/org/ctdc/deid/DeidFilesFuzzTestInputs/};
 * with {@code JAZZER_FUZZ=1} they fuzz (see {@code docs/fuzzing.md}).
 *
 * <p>The property: every input either reads, or throws a {@link CtdcException} whose message names the
 * file and quotes no long run of it. A hierarchy that reads writes back and reads again equal. Any other
 * throwable is a finding.
 */
class DeidFilesFuzzTest {


  private static final Path DIR = tempDir();

  @FuzzTest(maxDuration = "2m")
  void hierarchyArx(byte[] data) throws IOException {
    Path file = DIR.resolve("fuzz-hierarchy.csv");
    Optional<Hierarchy> read = FuzzAssertions.readOrRejected(file, data, CtdcException.class,
        f -> Hierarchy.readArx(f, ';'));
    if (read.isEmpty()) {
      return;
    }
    Hierarchy h = read.get();
    assertEquals("fuzz-hierarchy", h.name());
    assertTrue(h.levels() >= 1);
    StringWriter out = new StringWriter();
    try {
      h.writeArx(out, ';');
    } catch (HierarchyException e) {
      return; // a label holding a line break cannot be written in this layout
    }
    Hierarchy back = Hierarchy.readArx(new StringReader(out.toString()), h.name(), ';');
    assertEquals(h.rows(), back.rows(), "rows survive a write and read");
  }

  @FuzzTest(maxDuration = "2m")
  void deidConfig(byte[] data) throws IOException {
    Path file = DIR.resolve("fuzz-deid.yaml");
    Optional<DeidJob> read = FuzzAssertions.readOrRejected(file, data, CtdcException.class,
        f -> DeidJob.read(f));
    if (read.isEmpty()) {
      return;
    }
    DeidJob job = read.get();
    assertFalse(job.config().quasiIdentifiers().isEmpty(), "a configuration has a quasi-identifier");
    assertFalse(job.config().models().isEmpty(), "a configuration has a privacy model");
  }

  private static Path tempDir() {
    try {
      Path d = Files.createTempDirectory("ctdc-deid-fuzz");
      d.toFile().deleteOnExit();
      Files.writeString(d.resolve("age.csv"), "17;<18;*\n18;>=18;*\n40;>=18;*\n");
      Files.writeString(d.resolve("sex.csv"), "F;*\nM;*\n");
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
