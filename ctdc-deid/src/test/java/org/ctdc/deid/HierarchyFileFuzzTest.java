package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ctdc.deid.verify.VerificationException;
import org.ctdc.deid.verify.VerificationSpec;
import org.ctdc.schema.CtdcException;
import org.ctdc.testkit.FuzzAssertions;

/**
 * Fuzzes the one reader of hierarchy files ({@link HierarchyFile#read(Path, char)}, which {@code deid} and
 * {@code verify} both use) and the two independent checks of what it reads: {@link Hierarchy} (the
 * de-identification's) and the verifier's ({@link VerificationSpec.Builder#build()}). In a plain build this
 * runs over the committed corpus in {@code src/test/resources/org/ctdc/deid/HierarchyFileFuzzTestInputs/};
 * with {@code JAZZER_FUZZ=1} it fuzzes (see {@code docs/fuzzing.md}).
 *
 * <p>The property (issue 14): every input either reads, or throws a {@link CtdcException} whose message
 * names the file, quotes no run of it and holds no control character; a file that reads stays within the
 * limits; a hierarchy {@code deid} accepts the verifier accepts too, and the verifier's messages quote
 * nothing either. Any other throwable ({@code StackOverflowError}, {@code OutOfMemoryError}, ...) is a
 * finding.
 */
class HierarchyFileFuzzTest {

  private static final Path DIR = tempDir();

  @FuzzTest(maxDuration = "2m")
  void hierarchyFile(byte[] data) throws IOException {
    Path file = DIR.resolve("fuzz-hierarchy.csv");
    Optional<List<List<String>>> read =
        FuzzAssertions.readOrRejected(file, data, CtdcException.class, f -> HierarchyFile.read(f, ';'));
    if (read.isEmpty()) {
      assertNoControlCharacter(rejection(file));
      return;
    }
    List<List<String>> rows = read.get();
    assertTrue(rows.size() <= HierarchyFile.MAX_ROWS);
    for (List<String> row : rows) {
      assertTrue(!row.isEmpty() && row.size() <= Hierarchy.MAX_LEVELS, "levels within the limit");
    }
    boolean deid;
    try {
      Hierarchy h = Hierarchy.readArx(file, ';');
      assertEquals(rows, h.rows(), "readArx reads what HierarchyFile reads");
      deid = true;
    } catch (HierarchyException e) {
      FuzzAssertions.assertLocatedWithoutEcho(e, CtdcException.class, file.toString(), data);
      assertNoControlCharacter(e.getMessage());
      deid = false;
    }
    try {
      VerificationSpec.builder().quasiIdentifiers(List.of("h")).hierarchy("h", rows).k(1).build();
    } catch (VerificationException e) {
      FuzzAssertions.assertLocatedWithoutEcho(new CtdcException("verifier: " + e.getMessage()), CtdcException.class,
          "verifier", data);
      assertNoControlCharacter(e.getMessage());
      assertTrue(!deid, "the verifier rejects a hierarchy deid accepts: " + e.getMessage());
    }
  }

  /** The message of the rejection, read again (the reader is deterministic). */
  private static String rejection(Path file) {
    try {
      HierarchyFile.read(file, ';');
    } catch (HierarchyException e) {
      return e.getMessage();
    }
    throw new AssertionError("a rejected file read the second time");
  }

  private static void assertNoControlCharacter(String m) {
    assertTrue(m.chars().noneMatch(c -> c < 0x20 || c >= 0x7f && c <= 0x9f), () -> "a control character: " + m);
  }

  private static Path tempDir() {
    try {
      Path d = Files.createTempDirectory("ctdc-hierarchy-fuzz");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
