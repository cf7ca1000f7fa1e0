package org.ctdc.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.ctdc.schema.CtdcException;

/** The checks every fuzz test of this module makes on a rejected input's exception. */
final class FuzzChecks {

  /**
   * The longest run of the input's text an error message may repeat. Names of columns, keys and codes are
   * shorter (the readers cut longer ones to 24 characters); a longer run means a message quotes the file.
   */
  static final int MAX_ECHO = 32;

  private FuzzChecks() {}

  /**
   * Checks that the message names the source and quotes no run of {@value #MAX_ECHO} or more characters of
   * the input beyond the source name, and that no parser exception (whose message may quote the input) is
   * kept as the cause.
   */
  static void assertLocatedWithoutEcho(CtdcException e, String source, byte[] input) {
    assertLocatedWithoutEcho(e, source, input, List.of());
  }

  /**
   * As {@link #assertLocatedWithoutEcho(CtdcException, String, byte[])}, where the names in {@code known}
   * (which the library itself knows, such as the columns a spec reads) may be repeated.
   */
  static void assertLocatedWithoutEcho(CtdcException e, String source, byte[] input, List<String> known) {
    String m = String.valueOf(e.getMessage());
    assertTrue(m.startsWith(source + ": ") && m.length() > source.length() + 2,
        () -> "message does not name the source: " + m);
    String rest = m.substring(source.length() + 2);
    for (String k : known) {
      rest = rest.replace(k, "#");
    }
    String echo = echo(rest, new String(input, StandardCharsets.UTF_8));
    assertTrue(echo == null, () -> "message quotes the input (" + echo + "): " + m);
    assertTrue(e.getCause() == null || e.getCause() instanceof CtdcException
            || e.getCause() instanceof java.io.IOException && !(e.getCause()
                instanceof com.fasterxml.jackson.core.JsonProcessingException),
        () -> "a parser's exception (whose message may quote the input) is kept as the cause: " + e.getCause());
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
