package org.ctdc.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.ctdc.schema.CtdcException;

/** The checks every fuzz test of this module makes on a rejected input's exception. */
final class FuzzChecks {

  /**
   * The longest run of the input's text an error message may repeat. Names of columns, keys and codes are
   * shorter; a longer run means a message quotes the file.
   */
  static final int MAX_ECHO = 32;

  private FuzzChecks() {}

  /**
   * Checks that the message names the source and quotes no run of {@value #MAX_ECHO} or more characters of
   * the input beyond the source name.
   */
  static void assertLocatedWithoutEcho(CtdcException e, String source, byte[] input) {
    String m = String.valueOf(e.getMessage());
    assertTrue(m.startsWith(source + ": ") && m.length() > source.length() + 2,
        () -> "message does not name the source: " + m);
    assertNoEcho(m.substring(source.length() + 2), new String(input, StandardCharsets.UTF_8));
    assertTrue(e.getCause() == null || e.getCause() instanceof CtdcException
            || e.getCause() instanceof java.io.IOException && !(e.getCause()
                instanceof com.fasterxml.jackson.core.JsonProcessingException),
        () -> "a parser's exception (whose message may quote the input) is kept as the cause: " + e.getCause());
  }

  static void assertNoEcho(String message, String input) {
    for (int i = 0; i + MAX_ECHO <= message.length(); i++) {
      String run = message.substring(i, i + MAX_ECHO);
      assertTrue(!input.contains(run), () -> "message quotes the input: " + message);
    }
  }
}
