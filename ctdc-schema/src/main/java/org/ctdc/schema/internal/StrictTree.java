package org.ctdc.schema.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.reader.StreamReader;
import org.jspecify.annotations.Nullable;

/**
 * The one strict reader set-up of every YAML and JSON file the library reads (schema files, alignment specs,
 * de-identification and tables configurations, verification specs, table definitions; issue 14): at most
 * {@value #MAX_FILE_BYTES} bytes of UTF-8, nesting at most {@value #MAX_NESTING}, texts and keys at most
 * {@value #MAX_STRING_LENGTH} characters, YAML parsed in linear time ({@link LinearYaml}), one document, a key
 * given twice in one mapping an error naming its path and key, and {@link #keys} for the rule that every key
 * of a mapping is a known one. Every error is made by the caller's {@link Failure} from a path and a rule
 * that never quote the text: the parser's own message is never kept, not even as a cause. Not API (exported
 * only to org.ctdc.core and org.ctdc.deid). This class is thread-safe (stateless; Jackson's factories are
 * thread-safe).
 */
public final class StrictTree {

  /** The largest file read, in bytes (and the most characters of a text parsed). */
  public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
  /** The deepest nesting of mappings and lists read. */
  public static final int MAX_NESTING = 32;
  /** The longest text value or key read, in characters. */
  public static final int MAX_STRING_LENGTH = 1 << 20;

  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNameLength(MAX_STRING_LENGTH)
          .maxDocumentLength(MAX_FILE_BYTES)
          .build();
  private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();
  private static final YAMLFactory YAML = new LinearYaml(YAMLFactory.builder().loaderOptions(loaderOptions())
      .streamReadConstraints(LIMITS));
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StrictTree() {}

  private static LoaderOptions loaderOptions() {
    LoaderOptions o = new LoaderOptions();
    o.setCodePointLimit(MAX_FILE_BYTES);
    o.setNestingDepthLimit(MAX_NESTING);
    return o;
  }

  /** The syntax of a file. Immutable and thread-safe. */
  public enum Format {
    /** YAML 1.1, as SnakeYAML reads it (JSON text reads too). */
    YAML,
    /** JSON. */
    JSON;

    /**
     * The format of a file by its name: JSON for {@code .json}, YAML otherwise.
     *
     * @param file the file
     * @return its format
     */
    public static Format of(Path file) {
      Path fn = file.getFileName();
      return fn != null && fn.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
    }
  }

  /**
   * Makes the library's exception for a broken rule of a file.
   *
   * <p>Implementations must be thread-safe when shared.
   */
  @FunctionalInterface
  public interface Failure {
    /**
     * @param path where in the file, as {@code a.b[2].c}, or {@code ""} for the whole file
     * @param rule the rule broken, never quoting the file
     * @return the exception to throw
     */
    RuntimeException at(String path, String rule);
  }

  /**
   * Reads a file's text: a regular file of at most {@value #MAX_FILE_BYTES} bytes of UTF-8 (a leading byte
   * order mark dropped).
   *
   * @param file the file
   * @param fail makes the error
   * @return the text
   */
  public static String readText(Path file, Failure fail) {
    try {
      if (!Files.exists(file)) {
        throw fail.at("", "cannot read: no such file");
      }
      if (!Files.isRegularFile(file)) {
        throw fail.at("", "cannot read: not a regular file");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw fail.at("", "the file is larger than " + MAX_FILE_BYTES + " bytes (limit)");
      }
      String s = Files.readString(file, StandardCharsets.UTF_8);
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (NoSuchFileException e) {
      throw fail.at("", "cannot read: no such file");
    } catch (CharacterCodingException e) {
      throw fail.at("", "the file is not UTF-8 text");
    } catch (IOException e) {
      throw fail.at("", "cannot read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Reads and parses a file, as JSON for {@code .json} and YAML otherwise.
   *
   * @param file the file
   * @param fail makes the error
   * @return the document's tree; a missing node when the file holds no document
   */
  public static JsonNode read(Path file, Failure fail) {
    return parse(readText(file, fail), Format.of(file), fail);
  }

  /**
   * Parses a text.
   *
   * @param text the text, at most {@value #MAX_FILE_BYTES} characters
   * @param format its syntax
   * @param fail makes the error
   * @return the document's tree; a missing node when the text holds no document
   */
  public static JsonNode parse(String text, Format format, Failure fail) {
    if (text.length() > MAX_FILE_BYTES) {
      throw fail.at("", "the text is longer than " + MAX_FILE_BYTES + " characters (limit)");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (format == Format.YAML) {
      checkPrintable(text, fail);
    }
    JsonParser p = null;
    try {
      p = format == Format.JSON ? JSON.createParser(text) : YAML.createParser(text);
      JsonToken first = p.nextToken();
      if (first == null) {
        return NODES.missingNode();
      }
      JsonNode root = tree(p, first, fail);
      if (p.nextToken() != null) {
        throw fail.at("", line(p) + "more than one document (or text after the end of the document)");
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw fail.at("", line(e.getLocation()) + "over a reading limit (nesting deeper than " + MAX_NESTING
          + ", or a text or key longer than " + MAX_STRING_LENGTH + " characters, or a number too long)");
    } catch (JsonProcessingException e) {
      // the parser's message may quote the text: only its line is kept
      throw fail.at("", line(e.getLocation()) + "not valid " + format);
    } catch (IOException e) {
      throw fail.at("", "cannot read (" + e.getClass().getSimpleName() + ")");
    } catch (RuntimeException e) {
      if (e instanceof org.ctdc.schema.CtdcException) {
        throw e;
      }
      // SnakeYAML signals its own rules (and its limits) with unchecked exceptions that quote the text
      throw fail.at("", (p == null ? "" : line(p)) + "not valid " + format + " or over a reading limit");
    }
  }

  /**
   * Requires a mapping whose every key is known.
   *
   * @param node the node
   * @param path its path ({@code ""} for the document)
   * @param fail makes the error
   * @param known the keys allowed there
   * @return the node
   */
  public static JsonNode keys(JsonNode node, String path, Failure fail, Collection<String> known) {
    if (node == null || !node.isObject()) {
      throw fail.at(path, (path.isEmpty() ? "the document" : "the value") + " must be a mapping");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!known.contains(k)) {
        throw fail.at(path, "unknown key '" + Shown.name(k) + "' (known: " + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
    return node;
  }

  /**
   * Requires a mapping whose every key is known.
   *
   * @param node the node
   * @param path its path ({@code ""} for the document)
   * @param fail makes the error
   * @param known the keys allowed there
   * @return the node
   */
  public static JsonNode keys(JsonNode node, String path, Failure fail, String... known) {
    return keys(node, path, fail, java.util.List.of(known));
  }

  /**
   * The path of a key below a path, the key shown as {@link Shown#name} shows it.
   *
   * @param path the parent's path, {@code ""} for the document
   * @param key the key
   * @return {@code path.key}
   */
  public static String child(String path, String key) {
    return path.isEmpty() ? Shown.name(key) : path + "." + Shown.name(key);
  }

  /**
   * A required text value (a scalar, not blank).
   *
   * @param parent the mapping
   * @param key the key
   * @param path the mapping's path
   * @param fail makes the error
   * @return the text
   */
  public static String text(JsonNode parent, String key, String path, Failure fail) {
    JsonNode v = parent.get(key);
    if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
      throw fail.at(child(path, key), "required: a non-empty text");
    }
    return v.asText();
  }

  /**
   * An optional text value.
   *
   * @param parent the mapping
   * @param key the key
   * @param path the mapping's path
   * @param fail makes the error
   * @param dflt the value when the key is absent
   * @return the text
   */
  public static String text(JsonNode parent, String key, String path, Failure fail, String dflt) {
    return parent.has(key) ? text(parent, key, path, fail) : dflt;
  }

  /**
   * An optional whole number.
   *
   * @param parent the mapping
   * @param key the key
   * @param path the mapping's path
   * @param fail makes the error
   * @param dflt the value when the key is absent
   * @return the number
   */
  public static long integer(JsonNode parent, String key, String path, Failure fail, long dflt) {
    JsonNode v = parent.get(key);
    if (v == null) {
      return dflt;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw fail.at(child(path, key), "must be a whole number");
    }
    return v.longValue();
  }

  /**
   * An optional whole number that fits an {@code int}.
   *
   * @param parent the mapping
   * @param key the key
   * @param path the mapping's path
   * @param fail makes the error
   * @param dflt the value when the key is absent
   * @return the number
   */
  public static int integer(JsonNode parent, String key, String path, Failure fail, int dflt) {
    long v = integer(parent, key, path, fail, (long) dflt);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw fail.at(child(path, key), "must be a whole number of at most " + Integer.MAX_VALUE);
    }
    return (int) v;
  }

  /**
   * An optional number.
   *
   * @param parent the mapping
   * @param key the key
   * @param path the mapping's path
   * @param fail makes the error
   * @param dflt the value when the key is absent
   * @return the number, finite
   */
  public static double number(JsonNode parent, String key, String path, Failure fail, double dflt) {
    JsonNode v = parent.get(key);
    if (v == null) {
      return dflt;
    }
    if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
      throw fail.at(child(path, key), "must be a number");
    }
    return v.doubleValue();
  }

  /**
   * An optional truth value.
   *
   * @param parent the mapping
   * @param key the key
   * @param path the mapping's path
   * @param fail makes the error
   * @param dflt the value when the key is absent
   * @return the value
   */
  public static boolean bool(JsonNode parent, String key, String path, Failure fail, boolean dflt) {
    JsonNode v = parent.get(key);
    if (v == null) {
      return dflt;
    }
    if (!v.isBoolean()) {
      throw fail.at(child(path, key), "must be true or false");
    }
    return v.booleanValue();
  }

  /**
   * An optional list of texts (a single text is a list of one).
   *
   * @param parent the mapping
   * @param key the key
   * @param path the mapping's path
   * @param fail makes the error
   * @return the texts, empty when the key is absent
   */
  public static java.util.List<String> texts(JsonNode parent, String key, String path, Failure fail) {
    JsonNode v = parent.get(key);
    java.util.List<String> out = new java.util.ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isValueNode()) {
      out.add(v.asText());
      return out;
    }
    if (!v.isArray()) {
      throw fail.at(child(path, key), "must be a list of texts");
    }
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isValueNode() || v.get(i).isNull()) {
        throw fail.at(child(path, key) + "[" + i + "]", "must be a text");
      }
      out.add(v.get(i).asText());
    }
    return out;
  }

  /**
   * An optional mapping, its keys checked.
   *
   * @param parent the mapping
   * @param key the key
   * @param path the mapping's path
   * @param fail makes the error
   * @param known the keys allowed in it
   * @return the mapping, an empty one when the key is absent
   */
  public static JsonNode object(JsonNode parent, String key, String path, Failure fail, String... known) {
    JsonNode v = parent.get(key);
    if (v == null || v.isNull()) {
      return NODES.objectNode();
    }
    return keys(v, child(path, key), fail, known);
  }

  /**
   * An optional mapping whose keys are data (codes, names), each value checked by the caller.
   *
   * @param parent the mapping
   * @param key the key
   * @param path the mapping's path
   * @param fail makes the error
   * @return the mapping, an empty one when the key is absent
   */
  public static JsonNode dataMap(JsonNode parent, String key, String path, Failure fail) {
    JsonNode v = parent.get(key);
    if (v == null || v.isNull()) {
      return NODES.objectNode();
    }
    if (!v.isObject()) {
      throw fail.at(child(path, key), "must be a mapping");
    }
    return v;
  }

  /**
   * The path rule of every configuration (issue 14): a relative file name inside a configuration file is
   * resolved against that file's folder, never against the working directory; an absolute one is kept.
   *
   * @param configFolder the configuration file's folder (absolute)
   * @param name the file name as written in the configuration
   * @return the file
   */
  public static Path file(Path configFolder, String name) {
    return configFolder.resolve(name).normalize();
  }

  /**
   * The folder of a configuration file, against which {@link #file} resolves its file names: the parent of
   * its absolute path. The root folder, which has none and cannot be read as a file, stands for itself.
   *
   * @param configFile the configuration file
   * @return its folder (absolute)
   */
  public static Path folder(Path configFile) {
    Path abs = configFile.toAbsolutePath();
    Path parent = abs.getParent();
    return parent == null ? abs : parent;
  }

  /**
   * A schema reference inside a configuration: a file (its name ends in {@code .yaml}, {@code .yml} or
   * {@code .json}, or holds a path separator) resolved by {@link #file}, or else a bundled schema's
   * {@code NAME} or {@code NAME@VERSION}, kept as written.
   *
   * @param configFolder the configuration file's folder (absolute)
   * @param reference the reference as written
   * @return the reference, a file's absolute path for a file
   */
  public static String schemaReference(Path configFolder, String reference) {
    String lower = reference.toLowerCase(Locale.ROOT);
    boolean file = lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")
        || reference.contains("/") || reference.contains(java.io.File.separator);
    return file ? file(configFolder, reference).toString() : reference;
  }

  private static void checkPrintable(String text, Failure fail) {
    int line = 1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c == '\n') {
        line++;
      }
      if (!StreamReader.isPrintable(c)) {
        throw fail.at("", "line " + line + ": a character YAML does not allow (a control character, U+"
            + String.format(Locale.ROOT, "%04X", c) + ")");
      }
      i += Character.charCount(c);
    }
  }

  /** Builds the tree from the tokens, iteratively, refusing a key given twice in one mapping. */
  private static JsonNode tree(JsonParser p, JsonToken first, Failure fail) throws IOException {
    Deque<JsonNode> stack = new ArrayDeque<>();
    Deque<String> paths = new ArrayDeque<>();
    @Nullable String field = null;
    @Nullable JsonNode root = null;
    for (JsonToken t = first; t != null; t = stack.isEmpty() ? null : p.nextToken()) {
      if (t == JsonToken.FIELD_NAME) {
        field = p.currentName();
        ObjectNode o = (ObjectNode) stack.peek();
        if (o.has(field)) {
          throw fail.at(paths.peek(), line(p) + "the key '" + Shown.name(field) + "' appears twice in one mapping");
        }
        continue;
      }
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        stack.pop();
        paths.pop();
        continue;
      }
      JsonNode n = switch (t) {
        case START_OBJECT -> NODES.objectNode();
        case START_ARRAY -> NODES.arrayNode();
        case VALUE_STRING -> NODES.textNode(p.getText());
        case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
        case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        case VALUE_NULL -> NODES.nullNode();
        default -> throw fail.at(paths.isEmpty() ? "" : paths.peek(), line(p) + "a value of a kind not read here");
      };
      String path;
      JsonNode parent = stack.peek();
      if (parent == null) {
        root = n;
        path = "";
      } else if (parent instanceof ObjectNode o) {
        // a value in a mapping always follows its key
        o.set(Objects.requireNonNull(field), n);
        path = child(paths.peek(), field);
      } else {
        ArrayNode a = (ArrayNode) parent;
        path = paths.peek() + "[" + a.size() + "]";
        a.add(n);
      }
      if (n.isContainerNode()) {
        stack.push(n);
        paths.push(path);
      }
    }
    // the first token is a value (the caller has checked there is one): the first pass of the loop set it
    return Objects.requireNonNull(root);
  }

  private static String line(JsonParser p) {
    return line(p.currentLocation());
  }

  private static String line(JsonLocation loc) {
    return loc == null || loc.getLineNr() <= 0 ? "" : "line " + loc.getLineNr() + ": ";
  }
}
