package org.ctdc.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ctdc.core.internal.SpecReader;

/**
 * Alignment specs: the bundled ones by name, and spec files ({@code alignmentFormat: 1}, YAML or JSON,
 * documented in {@code docs/alignment-spec.md}).
 *
 * <p>Bundled specs: {@value #HOTLINE_TO_KANON} and {@value #CASE_MANAGEMENT_TO_KANON} (the generated
 * partner samples onto {@code ctdc-global-kanon} 2020), {@value #KANON_TO_SYNTHETIC} and
 * {@value #KANON_TO_VICTIM_PERPETRATOR} (crosswalks between schema versions).
 *
 * <p>This class is thread-safe.
 */
public final class Specs {

  /** The hotline sample onto {@code ctdc-global-kanon} 2020. */
  public static final String HOTLINE_TO_KANON = "hotline-to-kanon-2020";
  /** The case-management sample onto {@code ctdc-global-kanon} 2020. */
  public static final String CASE_MANAGEMENT_TO_KANON = "case-management-to-kanon-2020";
  /** {@code ctdc-global-kanon} 2020 onto {@code ctdc-global-synthetic} 2024. */
  public static final String KANON_TO_SYNTHETIC = "kanon-2020-to-synthetic-2024";
  /** {@code ctdc-global-kanon} 2020 onto {@code ctdc-victim-perpetrator} 2022. */
  public static final String KANON_TO_VICTIM_PERPETRATOR = "kanon-2020-to-victim-perpetrator-2022";

  /** The largest spec file read, in bytes (as {@code SchemaFiles.MAX_FILE_BYTES}). */
  public static final int MAX_FILE_BYTES = org.ctdc.schema.internal.StrictTree.MAX_FILE_BYTES;

  private static final String ROOT = "/META-INF/ctdc/specs/";
  private static final List<String> NAMES =
      List.of(HOTLINE_TO_KANON, CASE_MANAGEMENT_TO_KANON, KANON_TO_SYNTHETIC, KANON_TO_VICTIM_PERPETRATOR);
  private static final Map<String, AlignmentSpec> CACHE = new ConcurrentHashMap<>();

  private Specs() {}

  /** @return the names of the bundled specs */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * A bundled spec.
   *
   * @param name its name, one of {@link #names()}
   * @return the spec
   * @throws AlignmentSpecException if there is no such bundled spec
   */
  public static AlignmentSpec load(String name) {
    if (!NAMES.contains(name)) {
      throw new AlignmentSpecException(name, "", "no bundled alignment spec of this name; bundled: " + NAMES);
    }
    return CACHE.computeIfAbsent(name, Specs::loadResource);
  }

  private static AlignmentSpec loadResource(String name) {
    String res = ROOT + name + ".yaml";
    try (InputStream in = Specs.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new AlignmentSpecException(res, "", "bundled spec resource is missing");
      }
      return SpecReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".yaml");
    } catch (IOException e) {
      // a CtdcException like every failure of a spec (issue 16), not an UncheckedIOException
      throw new AlignmentSpecException(res, "", "bundled spec resource cannot be read", e);
    }
  }

  /**
   * Reads a spec file.
   *
   * @param file a YAML or JSON file
   * @return the spec
   * @throws AlignmentSpecException naming the file, the path inside it and the rule
   */
  public static AlignmentSpec read(Path file) {
    return SpecReader.read(file);
  }

  /**
   * Parses spec text.
   *
   * @param text YAML or JSON
   * @param origin a name for messages
   * @return the spec
   * @throws AlignmentSpecException naming the origin, the path and the rule
   */
  public static AlignmentSpec parse(String text, String origin) {
    return SpecReader.parse(text, origin);
  }

  /**
   * A bundled spec by name, or else a spec file.
   *
   * @param nameOrFile a bundled name or a path
   * @return the spec
   * @throws AlignmentSpecException if it is neither a bundled name nor a readable, valid spec file
   */
  public static AlignmentSpec resolve(String nameOrFile) {
    if (NAMES.contains(nameOrFile)) {
      return load(nameOrFile);
    }
    Path p = Path.of(nameOrFile);
    if (!Files.isRegularFile(p)) {
      throw new AlignmentSpecException(
          nameOrFile, "", "neither a bundled alignment spec " + NAMES + " nor a spec file");
    }
    return read(p);
  }
}
