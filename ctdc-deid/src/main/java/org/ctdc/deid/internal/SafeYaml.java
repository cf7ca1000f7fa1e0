package org.ctdc.deid.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import org.ctdc.schema.internal.LimitedYaml;
import org.jspecify.annotations.Nullable;

/**
 * Reads the module's YAML configuration files within limits (docs/limits.md), and words what went wrong
 * without quoting the file: the parser's own message may hold a line of the file, so it is never kept,
 * not even as a cause. Fuzzing found Jackson's defaults too loose for a user's file (nesting to 1000
 * levels; a duplicate key silently overriding the first). Not API; thread-safe.
 */
public final class SafeYaml {

  /** The largest configuration file read, in bytes. */
  public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
  /** The deepest nesting of mappings and lists read. */
  public static final int MAX_NESTING = 32;
  /** The longest text value or key read, in characters. */
  public static final int MAX_STRING_LENGTH = 1 << 20;
  /** The longest name (key, label, file name) a message shows; a longer one is cut. */
  public static final int MAX_SHOWN = 24;

  private static final ObjectMapper YAML = LimitedYaml.mapper(MAX_NESTING, MAX_STRING_LENGTH);

  private SafeYaml() {}

  /**
   * Reads a file's text: UTF-8, at most {@link #MAX_FILE_BYTES}.
   *
   * @param file the file
   * @return the text
   * @throws IOException with a message that is safe to show (no content of the file)
   */
  public static String readText(Path file) throws IOException {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IOException("the file is larger than " + MAX_FILE_BYTES + " bytes (limit)");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IOException("no such file");
    } catch (CharacterCodingException e) {
      throw new IOException("the file is not UTF-8 text");
    }
  }

  /**
   * Parses YAML text into a tree.
   *
   * @param text the text
   * @param error makes the exception to throw from a rule that names the line and never quotes the text
   * @return the tree; a missing node for an empty text (a null node if the parser gives none)
   */
  public static JsonNode parse(String text, Function<String, ? extends RuntimeException> error) {
    try {
      @Nullable JsonNode n = YAML.readTree(text);
      return n == null ? YAML.nullNode() : n;
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      String where = line > 0 ? "line " + line + ": " : "";
      if (e instanceof StreamConstraintsException) {
        throw error.apply(where + "over a reading limit (nesting deeper than " + MAX_NESTING
            + ", or a text or key longer than " + MAX_STRING_LENGTH + " characters)");
      }
      if (e instanceof MismatchedInputException && String.valueOf(e.getMessage()).startsWith("Duplicate field")) {
        throw error.apply(where + "a key appears twice in one mapping");
      }
      throw error.apply(where + "not valid YAML");
    }
  }

  /**
   * A name from a file as a message shows it: cut to {@value #MAX_SHOWN} characters.
   *
   * @param name the name
   * @return the name, or its beginning and its length
   */
  public static String shown(String name) {
    return name.length() <= MAX_SHOWN ? name : name.substring(0, MAX_SHOWN - 4) + "...(" + name.length() + " chars)";
  }
}
