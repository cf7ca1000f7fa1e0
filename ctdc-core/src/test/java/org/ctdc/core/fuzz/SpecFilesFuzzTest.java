package org.ctdc.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ctdc.core.Aligner;
import org.ctdc.core.AlignmentReport;
import org.ctdc.core.AlignmentSpec;
import org.ctdc.core.AlignmentSpecException;
import org.ctdc.core.Specs;
import org.ctdc.schema.CtdcException;
import org.ctdc.testkit.FuzzAssertions;

/**
 * Fuzzes alignment spec files, read through {@link Specs#read(Path)} from a file named {@code .yaml} or
 * {@code .json} (the corpora differ; the reader is the same). In a plain build these run over the committed
 * corpus in {@code src/test/resources/org/ctdc/core/fuzz/SpecFilesFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} they fuzz (see {@code docs/fuzzing.md}).
 *
 * <p>The property: every input either gives a spec that an {@link Aligner} accepts (aligning no rows gives
 * an empty report), or throws an {@link AlignmentSpecException} whose message names the file and quotes
 * no long run of it. Any other throwable is a finding.
 */
class SpecFilesFuzzTest {

  private static final Path DIR = tempDir();

  @FuzzTest(maxDuration = "2m")
  void yaml(byte[] data) throws IOException {
    check(data, DIR.resolve("fuzz-spec.yaml"));
  }

  @FuzzTest(maxDuration = "2m")
  void json(byte[] data) throws IOException {
    check(data, DIR.resolve("fuzz-spec.json"));
  }

  private static void check(byte[] data, Path file) throws IOException {
    Files.write(file, data);
    AlignmentSpec spec;
    try {
      spec = Specs.read(file);
    } catch (AlignmentSpecException e) {
      FuzzAssertions.assertLocatedWithoutEcho(e, CtdcException.class, file.toString(), data);
      assertEquals(file.toString(), e.source());
      assertFalse(e.rule().isBlank(), "the rule is named");
      return;
    }
    AlignmentReport r = Aligner.of(spec).align(List.of(), "no-rows").report();
    assertEquals(0, r.rowsRead());
    assertTrue(r.targets().size() <= spec.target().variables().size());
  }

  private static Path tempDir() {
    try {
      Path d = Files.createTempDirectory("ctdc-spec-fuzz");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
