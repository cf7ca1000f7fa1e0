package org.ctdc.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks every fuzz test makes on a rejected input's exception: the message names the source, quotes no
 * long run of the input, and no parser exception (whose message may quote the input) is kept as a cause.
 * This class is thread-safe (it keeps no state).
 *
 * <p>The testkit depends on no ctdc module, so the library's root exception is a parameter
 * ({@code CtdcException.class}), and Jackson's parser exceptions are recognised by class name.
 */
public final class FuzzAssertions {

  /**
   * The longest run of the input's text an error message may repeat. Names of columns, keys and codes are
   * shorter (the readers cut longer ones to 24 characters); a longer run means a message quotes the file.
   */
  public static final int MAX_ECHO = 32;

  /** Jackson's parser exceptions (JSON, YAML, CSV) extend this class; their messages quote the input. */
  private static final String JACKSON_PARSER_EXCEPTION = "com.fasterxml.jackson.core.JsonProcessingException";

  private FuzzAssertions() {}

  /**
   * Checks that {@code e} is a {@code library} exception whose message starts with {@code source + ": "},
   * quotes no run of {@value #MAX_ECHO} characters of the input beyond that, and whose causes, all the way
   * down, are {@code library} exceptions or I/O exceptions other than Jackson's parser exceptions.
   *
   * @param e the exception the library threw
   * @param library the library's root exception class, such as {@code CtdcException.class}
   * @param source the file or source name the message must start with
   * @param input the input that was rejected
   */
  public static void assertLocatedWithoutEcho(
      Throwable e, Class<? extends Throwable> library, String source, byte[] input) {
    assertLocatedWithoutEcho(e, library, source, input, List.of());
  }

  /**
   * As {@link #assertLocatedWithoutEcho(Throwable, Class, String, byte[])}, where the names in {@code known}
   * (which the library itself knows, such as the columns a spec reads) may be repeated.
   *
   * @param e the exception the library threw
   * @param library the library's root exception class, such as {@code CtdcException.class}
   * @param source the file or source name the message must start with
   * @param input the input that was rejected
   * @param known names the message may repeat however long they are
   */
  public static void assertLocatedWithoutEcho(
      Throwable e, Class<? extends Throwable> library, String source, byte[] input, List<String> known) {
    Objects.requireNonNull(e, "e");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(input, "input");
    assertTrue(library.isInstance(e), () -> "not a " + library.getSimpleName() + ": " + e);
    String m = String.valueOf(e.getMessage());
    assertTrue(m.startsWith(source + ": ") && m.length() > source.length() + 2,
        () -> "message does not name the source: " + m);
    String rest = m.substring(source.length() + 2);
    for (String k : known) {
      rest = rest.replace(k, "#");
    }
    String echo = echo(rest, new String(input, StandardCharsets.UTF_8));
    assertTrue(echo == null, () -> "message quotes the input (" + echo + "): " + m);
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      Throwable cause = c;
      assertTrue(library.isInstance(cause) || cause instanceof IOException && !isJacksonParserException(cause),
          () -> "a parser's exception (whose message may quote the input) is kept as a cause: " + cause);
    }
  }

  /**
   * The step every file-reading fuzz target starts with: writes the input to {@code file} and reads it. A
   * {@code library} exception must pass {@link #assertLocatedWithoutEcho(Throwable, Class, String, byte[])}
   * (with the file's name as the source) and gives an empty result; any other exception propagates, a
   * finding.
   *
   * @param <T> what the reader returns
   * @param file the file to write the input to
   * @param input the fuzzer's input
   * @param library the library's root exception class, such as {@code CtdcException.class}
   * @param reader the library's reader of such a file
   * @return what the reader returned, or empty when it rejected the input
   * @throws IOException when the file cannot be written
   */
  public static <T> Optional<T> readOrRejected(Path file, byte[] input, Class<? extends RuntimeException> library,
      Function<Path, T> reader) throws IOException {
    return read(file, input, library, reader, m -> { });
  }

  private static <T> Optional<T> read(Path file, byte[] input, Class<? extends RuntimeException> library,
      Function<Path, T> reader, java.util.function.Consumer<String> more) throws IOException {
    Files.write(file, input);
    try {
      return Optional.of(reader.apply(file));
    } catch (RuntimeException e) {
      if (!library.isInstance(e)) {
        throw e;
      }
      assertLocatedWithoutEcho(e, library, file.toString(), input);
      more.accept(String.valueOf(e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * As {@link #readOrRejected}, and a rejection's message also holds no control character (C0, DEL, C1, the
   * line and paragraph separators, bidirectional controls) and not {@code canary} unless the input has it in
   * a key ({@code canary} followed by {@code :}), since fixtures put the canary in values only (issue 14).
   *
   * @param <T> what the reader returns
   * @param file the file to write the input to
   * @param input the fuzzer's input
   * @param library the library's root exception class, such as {@code CtdcException.class}
   * @param reader the library's reader of such a file
   * @param canary a mark that fixtures put in values
   * @return what the reader returned, or empty when it rejected the input
   * @throws IOException when the file cannot be written
   */
  public static <T> Optional<T> readOrRejectedClean(Path file, byte[] input,
      Class<? extends RuntimeException> library, Function<Path, T> reader, String canary) throws IOException {
    return read(file, input, library, reader, m -> {
      assertTrue(!m.contains(canary) || new String(input, StandardCharsets.UTF_8).contains(canary + ":"),
          () -> "a value of the file in a message: " + m);
      for (int i = 0; i < m.length(); i++) {
        char c = m.charAt(i);
        boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
            || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
        int at = i;
        assertTrue(!control, () -> "a control character (U+" + Integer.toHexString(m.charAt(at)) + ") in a message");
      }
    });
  }

  private static boolean isJacksonParserException(Throwable t) {
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals(JACKSON_PARSER_EXCEPTION)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A run of {@value #MAX_ECHO} characters the message shares with the input, or null. Compared through
   * hashes of windows, not {@code String.contains}: Jazzer hooks {@code contains} and would steer the
   * fuzzer to copy the library's own message text into the input, a false finding.
   */
  static String echo(String message, String input) {
    if (message.length() < MAX_ECHO || input.length() < MAX_ECHO) {
      return null;
    }
    long[] windows = hashes(input);
    Arrays.sort(windows);
    long[] inMessage = hashes(message);
    for (int i = 0; i < inMessage.length; i++) {
      if (Arrays.binarySearch(windows, inMessage[i]) >= 0) {
        String run = message.substring(i, i + MAX_ECHO);
        if (input.indexOf(run) >= 0) {
          return run;
        }
      }
    }
    return null;
  }

  private static long[] hashes(String s) {
    long[] out = new long[s.length() - MAX_ECHO + 1];
    for (int i = 0; i < out.length; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = i; j < i + MAX_ECHO; j++) {
        h = (h ^ s.charAt(j)) * 0x100000001B3L;
        h ^= h >>> 29;
      }
      out[i] = h;
    }
    return out;
  }
}
