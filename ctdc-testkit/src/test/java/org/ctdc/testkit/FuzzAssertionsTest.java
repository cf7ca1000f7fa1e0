package org.ctdc.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class FuzzAssertionsTest {

  private static final String RUN_32 = "abcdefghijklmnopqrstuvwxyz012345";
  private static final byte[] INPUT = ("header\n" + RUN_32 + "\ntail").getBytes(StandardCharsets.UTF_8);

  /** The library's root exception in these tests (the real one is CtdcException, in a module we cannot see). */
  static final class LibraryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LibraryException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static void check(Throwable e) {
    FuzzAssertions.assertLocatedWithoutEcho(e, LibraryException.class, "in.csv", INPUT);
  }

  @Test
  void aLocatedMessageWithoutEchoPasses() {
    assertDoesNotThrow(() -> check(new LibraryException("in.csv: row 2, column 1: not a code", null)));
  }

  @Test
  void aMessageNotStartingWithTheSourceFails() {
    AssertionFailedError f =
        assertThrows(AssertionFailedError.class, () -> check(new LibraryException("row 2: not a code", null)));
    assertTrue(f.getMessage().contains("does not name the source"), f::getMessage);
  }

  @Test
  void aMessageOfOnlyTheSourceFails() {
    assertThrows(AssertionFailedError.class, () -> check(new LibraryException("in.csv: ", null)));
  }

  @Test
  void aMessageQuotingThirtyTwoCharactersOfTheInputFails() {
    AssertionFailedError f = assertThrows(AssertionFailedError.class,
        () -> check(new LibraryException("in.csv: row 2: bad value " + RUN_32, null)));
    assertTrue(f.getMessage().contains("quotes the input (" + RUN_32 + ")"), f::getMessage);
  }

  @Test
  void aMessageQuotingThirtyOneCharactersOfTheInputPasses() {
    assertDoesNotThrow(
        () -> check(new LibraryException("in.csv: row 2: bad value " + RUN_32.substring(1), null)));
  }

  @Test
  void knownNamesMayBeRepeatedHoweverLong() {
    LibraryException e = new LibraryException("in.csv: column " + RUN_32 + " is missing", null);
    assertThrows(AssertionFailedError.class, () -> check(e));
    assertDoesNotThrow(
        () -> FuzzAssertions.assertLocatedWithoutEcho(e, LibraryException.class, "in.csv", INPUT, List.of(RUN_32)));
  }

  @Test
  void anExceptionOfAnotherClassFails() {
    assertThrows(AssertionFailedError.class, () -> check(new IllegalStateException("in.csv: row 2: bad")));
  }

  @Test
  void libraryAndPlainIoCausesPass() {
    assertDoesNotThrow(() -> check(new LibraryException("in.csv: row 2: bad",
        new LibraryException("in.csv: row 2: inner", new IOException("disk full")))));
  }

  @Test
  void aParserExceptionAnywhereInTheCauseChainFails() {
    assertThrows(AssertionFailedError.class, () -> check(new LibraryException("in.csv: row 2: bad",
        new JsonProcessingException("Unexpected character at " + RUN_32))));
    assertThrows(AssertionFailedError.class, () -> check(new LibraryException("in.csv: row 2: bad",
        new LibraryException("in.csv: inner", new JsonProcessingException("quoted")))));
  }

  @Test
  void aSubclassOfTheParserExceptionFails() {
    class JsonParseException extends JsonProcessingException {
      private static final long serialVersionUID = 1L;

      JsonParseException() {
        super("quoted");
      }
    }
    assertThrows(AssertionFailedError.class,
        () -> check(new LibraryException("in.csv: row 2: bad", new JsonParseException())));
  }

  @Test
  void aCauseThatIsNeitherLibraryNorIoFails() {
    assertThrows(AssertionFailedError.class, () -> check(new LibraryException("in.csv: row 2: bad",
        new UncheckedIOException(new IOException("x")))));
  }

  @Test
  void echoFindsTheSharedRunAndNothingInShortTexts() {
    assertEquals(RUN_32, FuzzAssertions.echo("says " + RUN_32 + " here", "x" + RUN_32 + "y"));
    assertNull(FuzzAssertions.echo("says " + RUN_32.substring(1) + " here", "x" + RUN_32 + "y"));
    assertNull(FuzzAssertions.echo("short", RUN_32));
    assertNull(FuzzAssertions.echo(RUN_32, "short"));
  }

  @Test
  void readOrRejectedWritesTheInputAndGivesWhatTheReaderReturns(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("in.txt");
    Optional<String> read = FuzzAssertions.readOrRejected(file, INPUT, LibraryException.class, f -> {
      try {
        return Files.readString(f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    assertEquals(Optional.of(new String(INPUT, StandardCharsets.UTF_8)), read);
  }

  @Test
  void readOrRejectedChecksARejectionAndLetsAnyOtherExceptionThrough(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("in.txt");
    assertEquals(Optional.empty(), FuzzAssertions.readOrRejected(file, INPUT, LibraryException.class, f -> {
      throw new LibraryException(f + ": line 2: not valid", null);
    }));
    assertThrows(AssertionFailedError.class, () -> FuzzAssertions.readOrRejected(file, INPUT,
        LibraryException.class, f -> {
          throw new LibraryException("not valid, and no file named", null);
        }));
    assertThrows(AssertionFailedError.class, () -> FuzzAssertions.readOrRejected(file, INPUT,
        LibraryException.class, f -> {
          throw new LibraryException(f + ": quotes " + RUN_32, null);
        }));
    assertThrows(ArrayIndexOutOfBoundsException.class, () -> FuzzAssertions.readOrRejected(file, INPUT,
        LibraryException.class, f -> {
          throw new ArrayIndexOutOfBoundsException(3);
        }));
  }
}
