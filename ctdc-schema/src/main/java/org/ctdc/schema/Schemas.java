package org.ctdc.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The schemas bundled with the library, loadable by name: {@code ctdc-global-kanon} (2018, 2020),
 * {@code ctdc-global-synthetic} (2024), {@code ctdc-victim-perpetrator} (2022) and {@code htcds} (2.0).
 * Bundled schemas are read once, on first use, and shared.
 *
 * <p>This class is thread-safe.
 */
public final class Schemas {

  private static final String ROOT = "/META-INF/ctdc/schemas/";

  private Schemas() {}

  private static final class Bundled {
    static final List<Schema> ALL = loadAll();
  }

  private static List<Schema> loadAll() {
    List<Schema> out = new ArrayList<>();
    for (String file : index()) {
      String resource = ROOT + file;
      try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new SchemaFormatException(resource, "", "bundled schema listed in index.txt is missing");
        }
        out.add(SchemaFiles.readYaml(in, "bundled:" + file));
      } catch (IOException e) {
        throw new SchemaFormatException(resource, "", "cannot read bundled schema", e);
      }
    }
    out.sort(Comparator.comparing(Schema::name).thenComparing(Schema::version, Schemas::compareVersions));
    return List.copyOf(out);
  }

  private static List<String> index() {
    try (InputStream in = Schemas.class.getResourceAsStream(ROOT + "index.txt")) {
      if (in == null) {
        throw new SchemaFormatException(ROOT + "index.txt", "", "the bundled schema index is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new SchemaFormatException(ROOT + "index.txt", "", "cannot read the bundled schema index", e);
    }
  }

  /**
   * Every bundled schema, ordered by name and then version (oldest first).
   *
   * @return the bundled schemas
   * @throws SchemaFormatException if a bundled schema is broken (a packaging error)
   */
  public static List<Schema> all() {
    return Bundled.ALL;
  }

  /**
   * The bundled schemas as name, version and description.
   *
   * @return one entry per bundled schema, ordered by name and version
   */
  public static List<SchemaRef> list() {
    return all().stream()
        .map(s -> new SchemaRef(s.name(), s.version(), s.description(), s.size()))
        .toList();
  }

  /**
   * The newest bundled version of a schema.
   *
   * @param name the schema name
   * @return the schema
   * @throws UnknownSchemaException if no bundled schema has that name
   */
  public static Schema load(String name) {
    Schema newest = null;
    for (Schema s : all()) {
      if (s.name().equals(name)) {
        newest = s;
      }
    }
    if (newest == null) {
      throw new UnknownSchemaException("no bundled schema named '" + shown(name) + "'; bundled: " + names());
    }
    return newest;
  }

  /**
   * One bundled version of a schema.
   *
   * @param name the schema name
   * @param version the version
   * @return the schema
   * @throws UnknownSchemaException if no bundled schema has that name and version
   */
  public static Schema load(String name, String version) {
    return find(name, version)
        .orElseThrow(
            () ->
                new UnknownSchemaException(
                    "no bundled schema " + shown(name) + "@" + shown(version) + "; bundled: " + names()));
  }

  /** The longest name or version a message repeats whole; longer ones are cut and their length given. */
  static final int MAX_SHOWN = 64;

  private static String shown(String typed) {
    return typed.length() <= MAX_SHOWN ? typed : typed.substring(0, MAX_SHOWN - 4) + "...(" + typed.length() + " chars)";
  }

  /**
   * One bundled version of a schema, if bundled.
   *
   * @param name the schema name
   * @param version the version
   * @return the schema, or empty
   */
  public static Optional<Schema> find(String name, String version) {
    return all().stream().filter(s -> s.name().equals(name) && s.version().equals(version)).findFirst();
  }

  /**
   * Resolves what a user typed: a path to a schema file (when such a file exists, or the text ends in
   * {@code .yaml}, {@code .yml} or {@code .json}), {@code name@version}, or a bare name (newest version).
   *
   * @param spec the text
   * @return the schema
   * @throws UnknownSchemaException if no bundled schema matches
   * @throws SchemaFormatException if a schema file cannot be read or breaks a rule
   */
  public static Schema resolve(String spec) {
    String lower = spec.toLowerCase(java.util.Locale.ROOT);
    boolean looksLikeFile = lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    if (looksLikeFile || (spec.contains("/") && Files.isRegularFile(Path.of(spec)))) {
      return SchemaFiles.read(Path.of(spec));
    }
    int at = spec.indexOf('@');
    if (at > 0) {
      return load(spec.substring(0, at), spec.substring(at + 1));
    }
    return load(spec);
  }

  private static String names() {
    return all().stream().map(Schema::id).collect(Collectors.joining(", "));
  }

  /**
   * Compares two version strings part by part ({@code .}, {@code -} or {@code _} separated), numerically
   * where both parts are numbers.
   *
   * @param a a version
   * @param b another version
   * @return negative, zero or positive as {@code a} is older, equal or newer
   */
  public static int compareVersions(String a, String b) {
    String[] pa = a.split("[._-]");
    String[] pb = b.split("[._-]");
    for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
      String x = i < pa.length ? pa[i] : "0";
      String y = i < pb.length ? pb[i] : "0";
      int c;
      if (x.matches("\\d{1,9}") && y.matches("\\d{1,9}")) {
        c = Integer.compare(Integer.parseInt(x), Integer.parseInt(y));
      } else {
        c = x.compareTo(y);
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
