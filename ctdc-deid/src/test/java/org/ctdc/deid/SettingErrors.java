package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;

/**
 * Checks of the two faces of a setting out of range (issue 16): from Java an {@link IllegalArgumentException}
 * naming the setting; read from a file a library exception naming the file and the key, quoting none of the
 * file, without a cause.
 */
public final class SettingErrors {
  private SettingErrors() {}

  /**
   * Asserts that a setter refuses its value with an {@link IllegalArgumentException} whose message starts
   * with the setting's name.
   *
   * @param setting the setting's name
   * @param set the call of the setter
   */
  public static void assertRefusedByTheSetter(String setting, Supplier<?> set) {
    RuntimeException e = assertThrows(RuntimeException.class, set::get);
    assertInstanceOf(IllegalArgumentException.class, e, "a programmer error, not a CtdcException: " + e);
    assertTrue(e.getMessage().startsWith(setting + " ") || e.getMessage().startsWith(setting + ": "),
        e.getMessage());
  }

  /**
   * Asserts that reading a file fails with the given exception, naming the source, the key and the rule,
   * without a cause, without the value the file gives and without control characters.
   *
   * @param <T> the exception type
   * @param type the exception type
   * @param read the read
   * @param source the file or source name
   * @param expected the key and rule that follow the source
   * @param value the value the file gives (empty: not checked)
   * @return the exception
   */
  public static <T extends RuntimeException> T assertLocated(Class<T> type, Executable read, String source,
      String expected, String value) {
    T e = assertThrows(type, read);
    assertTrue(e.getMessage().startsWith(source + ": " + expected), e.getMessage());
    assertNull(e.getCause(), "the setter's exception is not kept as the cause");
    String rule = e.getMessage().substring(source.length());
    assertTrue(value.isEmpty() || !rule.contains(value), value + " quoted in " + e.getMessage());
    assertFalse(e.getMessage().chars().anyMatch(Character::isISOControl), e.getMessage());
    return e;
  }
}
