package org.ctdc.deid.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ctdc.deid.audit.PublishedTableDefinition;
import org.ctdc.schema.CtdcException;
import org.ctdc.testkit.FuzzAssertions;

/**
 * Fuzzes the readers issue 14 made strict that had no target of their own: verification specs
 * ({@link VerificationSpecFile#read}) and table definitions ({@link PublishedTableDefinition#read}). In a plain build
 * these run over the committed corpus in
 * {@code src/test/resources/org/ctdc/deid/verify/StrictFilesFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} they
 * fuzz (see {@code docs/fuzzing.md}).
 *
 * <p>The property: every input either reads, or throws a {@link CtdcException} whose message names the file,
 * quotes no long run of it, holds no canary (the corpus puts {@code CANARY-qx} only in values) and no control
 * character. A spec that reads states a privacy model and writes back to files that read again to the same
 * spec. Any other throwable is a finding.
 */
class StrictFilesFuzzTest {

  private static final Path DIR = tempDir();
  private static final String CANARY = "CANARY-qx";

  @FuzzTest(maxDuration = "2m")
  void verificationSpec(byte[] data) throws IOException {
    Path file = DIR.resolve("fuzz-verify.yaml");
    Optional<VerificationSpecFile> read = checked(file, data, f -> VerificationSpecFile.read(f, ArxRows::read));
    if (read.isEmpty()) {
      return;
    }
    VerificationSpec spec = read.get().spec();
    assertFalse(spec.quasiIdentifiers().isEmpty(), "a spec that reads has a quasi-identifier");
    Map<String, String> files = read.get().files("back.yaml", "back-h");
    Path back = Files.createTempDirectory(DIR, "back");
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = back.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue());
    }
    VerificationSpec again = VerificationSpecFile.read(back.resolve("back.yaml"), ArxRows::read).spec();
    assertTrue(again.quasiIdentifiers().equals(spec.quasiIdentifiers()) && again.k() == spec.k()
        && again.criteria().equals(spec.criteria()), "a written spec reads back equal");
  }

  @FuzzTest(maxDuration = "2m")
  void tableDefinition(byte[] data) throws IOException {
    Path file = DIR.resolve("fuzz.table.json");
    Optional<PublishedTableDefinition> read = checked(file, data, PublishedTableDefinition::read);
    if (read.isPresent()) {
      assertFalse(read.get().dimensions().isEmpty(), "a definition that reads has a dimension");
    }
  }

  private static <T> Optional<T> checked(Path file, byte[] data, Function<Path, T> reader) throws IOException {
    return FuzzAssertions.readOrRejectedClean(file, data, CtdcException.class, reader, CANARY);
  }

  private static Path tempDir() {
    try {
      Path d = Files.createTempDirectory("ctdc-strict-fuzz");
      d.toFile().deleteOnExit();
      Files.writeString(d.resolve("age.csv"), "34;<50;*\n66;>=50;*\n");
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
