package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.ctdc.schema.CtdcException;

/** The checks the fuzz tests of this module make on a rejected input's exception. */
public final class FuzzAssertions {

  /** The longest run of the input an error message may repeat (codes and keys are shorter). */
  public static final int MAX_ECHO = 32;

  private FuzzAssertions() {}

  /**
   * Checks that the message starts with the file, quotes no run of {@value #MAX_ECHO} characters of the input
   * beyond it, and keeps no parser exception (whose message may quote the input) as the cause.
   *
   * @param e the exception
   * @param file the file name the message must start with
   * @param input the input
   */
  public static void assertLocatedWithoutEcho(CtdcException e, String file, byte[] input) {
    String m = String.valueOf(e.getMessage());
    assertTrue(m.startsWith(file + ": ") && m.length() > file.length() + 2,
        () -> "message does not name the file: " + m);
    String echo = echo(m.substring(file.length() + 2), new String(input, StandardCharsets.UTF_8));
    assertTrue(echo == null, () -> "message quotes the input (" + echo + "): " + m);
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      Throwable cause = c;
      assertTrue(cause instanceof CtdcException
              || cause instanceof IOException && !(cause instanceof com.fasterxml.jackson.core.JsonProcessingException),
          () -> "a parser's exception (whose message may quote the input) is kept as a cause: " + cause);
    }
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
