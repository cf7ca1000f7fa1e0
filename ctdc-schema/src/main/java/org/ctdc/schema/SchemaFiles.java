package org.ctdc.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ctdc.schema.internal.SchemaTreeReader;
import org.ctdc.schema.internal.SchemaTreeWriter;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads and writes schema files in the documented format ({@code schemaFormat: 1}, see
 * {@code docs/schema-format.md}), as YAML or JSON. Reading checks every rule of the format and of the
 * schema model; the first broken rule is thrown as a {@link SchemaFormatException} naming the file, the
 * path inside it and the rule. Writing then reading gives an equal schema.
 *
 * <p>Limits on reading, so that a hostile file cannot exhaust memory: at most {@value #MAX_FILE_BYTES} bytes,
 * nesting depth {@value #MAX_NESTING}, and {@value #MAX_ALIASES} YAML aliases.
 *
 * <p>This class is thread-safe: it has no mutable state.
 */
public final class SchemaFiles {

  /** The schema file format version this library reads and writes. */
  public static final int FORMAT_VERSION = SchemaTreeReader.FORMAT_VERSION;

  /** The largest schema file read, in bytes. */
  public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  /** The deepest nesting of mappings and lists read. */
  public static final int MAX_NESTING = 32;

  /** The most YAML aliases read in one file. */
  public static final int MAX_ALIASES = 20;

  private static final ObjectMapper JSON = jsonMapper();
  private static final YAMLMapper YAML = yamlMapper();

  private SchemaFiles() {}

  private static ObjectMapper jsonMapper() {
    ObjectMapper m = new ObjectMapper();
    m.getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    m.enable(SerializationFeature.INDENT_OUTPUT);
    return m;
  }

  private static YAMLMapper yamlMapper() {
    LoaderOptions lo = new LoaderOptions();
    lo.setAllowDuplicateKeys(false);
    lo.setMaxAliasesForCollections(MAX_ALIASES);
    lo.setNestingDepthLimit(MAX_NESTING);
    lo.setCodePointLimit(MAX_FILE_BYTES);
    YAMLFactory f =
        YAMLFactory.builder()
            .loaderOptions(lo)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    f.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    YAMLMapper m = new YAMLMapper(f);
    m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return m;
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
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new SchemaFormatException(name, "", "the file is larger than " + MAX_FILE_BYTES + " bytes");
      }
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        return isJson(file) ? readJson(r, name) : readYaml(r, name);
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new SchemaFormatException(name, "", "no such file");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new SchemaFormatException(name, "", "the file is not UTF-8 text");
    } catch (IOException e) {
      throw new SchemaFormatException(name, "", "cannot read the file (" + e.getClass().getSimpleName() + ")");
    }
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
    return new SchemaTreeReader(sourceName).read(parse(YAML, in, sourceName, "YAML"));
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
    return new SchemaTreeReader(sourceName).read(parse(JSON, in, sourceName, "JSON"));
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

  private static JsonNode parse(ObjectMapper mapper, Reader in, String source, String what) {
    try {
      JsonNode n = mapper.readTree(in);
      if (n == null || n.isMissingNode()) {
        throw new SchemaFormatException(source, "", "the document is empty");
      }
      return n;
    } catch (JsonProcessingException e) {
      if (causedByCoding(e)) {
        // the original message is the JDK's exception (class name and all), not a reason a user can act on
        throw new SchemaFormatException(source, "", "the file is not valid UTF-8");
      }
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
      throw new SchemaFormatException(source, "", where + "not valid " + what + " (" + firstLine(e.getOriginalMessage()) + ")");
    } catch (IOException e) {
      throw new SchemaFormatException(source, "", "cannot read (" + e.getClass().getSimpleName() + ")");
    } catch (RuntimeException e) {
      if (e instanceof CtdcException) {
        throw e;
      }
      // SnakeYAML signals its limits (aliases, nesting, size) with its own unchecked exceptions.
      throw new SchemaFormatException(source, "", "not valid " + what + " or over a reading limit (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static boolean causedByCoding(Throwable e) {
    for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof java.nio.charset.CharacterCodingException) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
