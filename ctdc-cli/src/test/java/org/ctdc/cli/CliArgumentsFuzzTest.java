package org.ctdc.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes the command line's own argument handling through {@link Main#run}: which command, which of its real
 * options, with which values, in which order, pointing at which files (valid and broken fixtures, folders,
 * missing and unreadable files, outputs into missing folders and onto inputs). The input is a program in
 * {@link CliArgumentsHarness}'s small language, so that the committed corpus
 * ({@code src/test/resources/org/ctdc/cli/CliArgumentsFuzzTestInputs/arguments/}) is readable. With
 * {@code JAZZER_FUZZ=1} it fuzzes (see {@code docs/fuzzing.md}).
 *
 * <p>The property of every run: the exit code is one of {@link Main}'s documented codes; standard output and
 * error hold no stack trace and no "internal error" (unless {@code --debug} was given); no identifier of a
 * data file (a canary) is printed; a failed run leaves no file it wrote and changes no existing file (align,
 * which exits 1 when it rejected rows, writes both its files or neither); no temporary file is left behind.
 * {@link CliNastyArgumentsTest} runs hand-picked vectors through the same harness and fixes their exit codes.
 */
class CliArgumentsFuzzTest {

  private static final CliArgumentsHarness HARNESS = CliArgumentsHarness.create();

  @AfterAll
  static void deleteFixtures() {
    HARNESS.delete();
  }

  @FuzzTest(maxDuration = "2m")
  void arguments(byte[] data) {
    String[] args = HARNESS.args(new String(data, StandardCharsets.UTF_8));
    if (HARNESS.confined(args)) {
      HARNESS.runAndCheck(args);
    }
  }
}
