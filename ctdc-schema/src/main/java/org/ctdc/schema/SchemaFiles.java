package org.ctdc.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.ctdc.schema.internal.SchemaTreeReader;
import org.ctdc.schema.internal.SchemaTreeWriter;
import org.ctdc.schema.internal.StrictTree;

/**
 * Reads and writes schema files in the documented format ({@code schemaFormat: 1}, see
 * {@code docs/schema-format.md}), as YAML or JSON. Reading checks every rule of the format and of the
 * schema model; the first broken rule is thrown as a {@link SchemaFormatException} naming the file, the
 * path inside it and the rule. Writing then reading gives an equal schema.
 *
 * <p>Limits on reading, so that a hostile file cannot exhaust memory: at most {@value #MAX_FILE_BYTES} bytes,
 * nesting depth {@value #MAX_NESTING}, texts and keys of at most 1,048,576 characters; YAML aliases are not
 * expanded. Unknown and duplicate keys are errors naming the path and the key (issue 14).
 *
 * <p>This class is thread-safe: it has no mutable state.
 */
public final class SchemaFiles {

  /** The schema file format version this library reads and writes. */
  public static final int FORMAT_VERSION = SchemaTreeReader.FORMAT_VERSION;

  /** The largest schema file read, in bytes. */
  public static final int MAX_FILE_BYTES = StrictTree.MAX_FILE_BYTES;

  /** The deepest nesting of mappings and lists read. */
  public static final int MAX_NESTING = StrictTree.MAX_NESTING;

  /** Kept for compatibility: YAML aliases are not expanded by the reader, so no file grows by them. */
  public static final int MAX_ALIASES = 20;

  private static final ObjectMapper JSON = jsonMapper();
  private static final YAMLMapper YAML = yamlMapper();

  private SchemaFiles() {}

  private static ObjectMapper jsonMapper() {
    ObjectMapper m = new ObjectMapper();
    m.enable(SerializationFeature.INDENT_OUTPUT);
    return m;
  }

  private static YAMLMapper yamlMapper() {
    YAMLFactory f =
        YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    return new YAMLMapper(f);
  }

  /**
   * Reads a schema file; {@code .json} files are read as JSON, all others as YAML.
   *
   * @param file the file
   * @return the schema
   * @throws SchemaFormatException if the file cannot be read or breaks a rule
   */
  public static Schema read(Path file) {
    String name = file.toString();
    StrictTree.Failure fail = failure(name);
    return tree(name, StrictTree.read(file, fail));
  }

  /**
   * Reads a schema from YAML text.
   *
   * @param in the text
   * @param sourceName the name used in error messages
   * @return the schema
   * @throws SchemaFormatException if the text is not YAML or breaks a rule
   */
  public static Schema readYaml(Reader in, String sourceName) {
    return tree(sourceName, parse(in, sourceName, StrictTree.Format.YAML));
  }

  /**
   * Reads a schema from JSON text.
   *
   * @param in the text
   * @param sourceName the name used in error messages
   * @return the schema
   * @throws SchemaFormatException if the text is not JSON or breaks a rule
   */
  public static Schema readJson(Reader in, String sourceName) {
    return tree(sourceName, parse(in, sourceName, StrictTree.Format.JSON));
  }

  /**
   * Reads a schema from a UTF-8 YAML stream (JSON is accepted too, as YAML).
   *
   * @param in the stream; not closed
   * @param sourceName the name used in error messages
   * @return the schema
   * @throws SchemaFormatException if the stream cannot be read or breaks a rule
   */
  public static Schema readYaml(InputStream in, String sourceName) {
    return readYaml(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), sourceName);
  }

  /**
   * Reads a schema from YAML text held in a string.
   *
   * @param text the text
   * @param sourceName the name used in error messages
   * @return the schema
   * @throws SchemaFormatException if the text is not YAML or breaks a rule
   */
  public static Schema fromYaml(String text, String sourceName) {
    return readYaml(new StringReader(text), sourceName);
  }

  /**
   * Reads a schema from JSON text held in a string.
   *
   * @param text the text
   * @param sourceName the name used in error messages
   * @return the schema
   * @throws SchemaFormatException if the text is not JSON or breaks a rule
   */
  public static Schema fromJson(String text, String sourceName) {
    return readJson(new StringReader(text), sourceName);
  }

  /**
   * Writes a schema as YAML.
   *
   * @param schema the schema
   * @return the YAML text, LF line ends
   */
  public static String toYaml(Schema schema) {
    try {
      return YAML.writeValueAsString(SchemaTreeWriter.write(schema));
    } catch (JsonProcessingException e) {
      throw new CtdcException("cannot write schema " + schema.id() + " as YAML", e);
    }
  }

  /**
   * Writes a schema as JSON.
   *
   * @param schema the schema
   * @return the JSON text, pretty-printed, LF line ends, with a final newline
   */
  public static String toJson(Schema schema) {
    try {
      return JSON.writeValueAsString(SchemaTreeWriter.write(schema)).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new CtdcException("cannot write schema " + schema.id() + " as JSON", e);
    }
  }

  /**
   * Writes a schema to a file, as JSON for {@code .json} and as YAML otherwise. The file is written to a
   * temporary file beside it and moved into place, so a reader never sees half a file.
   *
   * @param schema the schema
   * @param file the file
   * @throws CtdcException if the file cannot be written
   */
  public static void write(Schema schema, Path file) {
    AtomicFiles.writeString(file, isJson(file) ? toJson(schema) : toYaml(schema));
  }

  private static boolean isJson(Path file) {
    Path fn = file.getFileName();
    return fn != null && fn.toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static StrictTree.Failure failure(String source) {
    return (path, rule) -> new SchemaFormatException(source, path, rule);
  }

  private static Schema tree(String source, JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      throw new SchemaFormatException(source, "", "the document is empty");
    }
    return new SchemaTreeReader(source).read(n);
  }

  private static JsonNode parse(Reader in, String source, StrictTree.Format format) {
    StrictTree.Failure fail = failure(source);
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        sb.append(buf, 0, n);
        if (sb.length() > MAX_FILE_BYTES) {
          throw fail.at("", "the text is longer than " + MAX_FILE_BYTES + " characters (limit)");
        }
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw fail.at("", "the file is not UTF-8 text");
    } catch (IOException e) {
      throw fail.at("", "cannot read (" + e.getClass().getSimpleName() + ")");
    }
    return StrictTree.parse(sb.toString(), format, fail);
  }
}
