package org.ctdc.schema.internal;

/**
 * The reading limits of the library's configuration files, as docs/limits.md names them. The reading itself
 * is {@link StrictTree}'s, shared by every YAML and JSON reader of the library (issue 14). Not API;
 * thread-safe (stateless).
 */
public final class SafeYaml {

  /** The largest configuration file read, in bytes. */
  public static final int MAX_FILE_BYTES = StrictTree.MAX_FILE_BYTES;
  /** The deepest nesting of mappings and lists read. */
  public static final int MAX_NESTING = StrictTree.MAX_NESTING;
  /** The longest text value or key read, in characters. */
  public static final int MAX_STRING_LENGTH = StrictTree.MAX_STRING_LENGTH;
  /** The longest name (key, label, file name) a message shows; a longer one is cut. */
  public static final int MAX_SHOWN = Shown.MAX_SHOWN;

  private SafeYaml() {}

  /**
   * A name from a file as a message shows it, as {@link Shown#name}.
   *
   * @param name the name
   * @return the name, or its beginning and its length, without control characters
   */
  public static String shown(String name) {
    return Shown.name(name);
  }
}
