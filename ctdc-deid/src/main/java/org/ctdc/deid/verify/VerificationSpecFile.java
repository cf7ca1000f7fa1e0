package org.ctdc.deid.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.internal.Shown;
import org.ctdc.schema.internal.StrictTree;

/**
 * A verification spec file ({@code VERIFY.yaml}, {@code docs/verify.md}): what a release must satisfy, and
 * how to read the release (under a schema, or with a schema inferred from its header, with its delimiter and
 * missing tokens). It is read with the library's one strict reader set-up (issue 14): unknown and duplicate
 * keys are errors naming the file, the path and the key, a spec that states no privacy model at all is an
 * error (never "k = 1"), and every relative path (the schema file, hierarchy files) is resolved against the
 * spec file's folder. {@link #files} writes one, with its hierarchy files, for instance for a finished
 * de-identification ({@code DeidResult.verificationSpec()}).
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param spec what the release must satisfy
 * @param release how to read the release
 */
public record VerificationSpecFile(VerificationSpec spec, ReleaseReading release) {

  /** Checks. */
  public VerificationSpecFile {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(release, "release");
  }

  /**
   * How to read a release: under a schema (a bundled {@code NAME[@VERSION]} or a schema file), or with every
   * column read as categorical text (a schema inferred from the header), with its delimiter, its missing
   * tokens and the token of a suppressed record. Immutable and thread-safe.
   *
   * @param schema the schema reference, or empty to infer one
   * @param delimiter the field delimiter of an inferred schema
   * @param missingTokens the tokens read as missing by an inferred schema, at least one
   * @param suppressedRecordToken the token that, in every quasi-identifier of a row, marks a suppressed
   *     record (ARX's output), or empty
   */
  public record ReleaseReading(Optional<String> schema, char delimiter, List<String> missingTokens,
      Optional<String> suppressedRecordToken) {

    /** Checks and copies. */
    public ReleaseReading {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(suppressedRecordToken, "suppressedRecordToken");
      missingTokens = List.copyOf(missingTokens);
      if (missingTokens.isEmpty()) {
        throw new IllegalArgumentException("at least one missing token is needed");
      }
      if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
        throw new IllegalArgumentException("the delimiter cannot be a quote or a line end");
      }
    }

    /**
     * Reads the release under a schema.
     *
     * @param reference a bundled {@code NAME[@VERSION]}, or a schema file (relative: to the spec's folder)
     * @return the reading
     */
    public static ReleaseReading schema(String reference) {
      return new ReleaseReading(Optional.of(reference), ',', List.of(""), Optional.empty());
    }

    /**
     * Reads the release with a schema inferred from its header.
     *
     * @param delimiter the field delimiter
     * @param missingTokens the tokens read as missing, at least one
     * @return the reading, without a suppressed-record token
     */
    public static ReleaseReading inferred(char delimiter, List<String> missingTokens) {
      return new ReleaseReading(Optional.empty(), delimiter, missingTokens, Optional.empty());
    }
  }

  private static final String[] TOP_KEYS = {"schema", "quasiIdentifiers", "k", "missingAsWildcard",
      "suppression", "models", "missing", "suppressedRecordToken", "delimiter"};
  private static final Map<String, List<String>> MODEL_KEYS = Map.of(
      "distinctL", List.of("type", "sensitive", "l"),
      "entropyL", List.of("type", "sensitive", "l"),
      "recursiveCL", List.of("type", "sensitive", "c", "l"),
      "tClosenessEqual", List.of("type", "sensitive", "t", "reference"),
      "tClosenessHierarchical", List.of("type", "sensitive", "t", "hierarchy", "reference"));

  /**
   * Reads a spec file.
   *
   * @param file the YAML (or, for {@code .json}, JSON) file
   * @param hierarchies reads a hierarchy file in ARX's layout into its rows; its failures are the library's
   *     exceptions, kept as they are with the spec's file and path before them
   * @return the spec and how to read the release
   * @throws VerificationException naming the file, the path and the rule (key) when the file cannot be read
   *     or breaks a rule of the format
   */
  public static VerificationSpecFile read(Path file, Function<Path, List<List<String>>> hierarchies) {
    String f = file.toString();
    StrictTree.Failure fail = failure(f);
    JsonNode root = StrictTree.read(file, fail);
    if (root.isMissingNode() || root.isNull()) {
      throw fail.at("", "the file is empty: a verification spec is a YAML mapping");
    }
    StrictTree.keys(root, "", fail, TOP_KEYS);
    Path dir = StrictTree.folder(file);
    VerificationSpec.Builder b = VerificationSpec.builder();
    JsonNode qiNodes = root.get("quasiIdentifiers");
    if (qiNodes == null || !qiNodes.isArray() || qiNodes.isEmpty()) {
      throw fail.at("quasiIdentifiers", "required: a list of at least one name or {name, hierarchy}");
    }
    List<String> qis = new ArrayList<>();
    Map<String, Path> hierarchyFiles = new LinkedHashMap<>();
    Map<String, String> hierarchyPaths = new LinkedHashMap<>();
    for (int i = 0; i < qiNodes.size(); i++) {
      JsonNode q = qiNodes.get(i);
      String where = "quasiIdentifiers[" + i + "]";
      String name;
      if (q.isTextual()) {
        name = q.textValue();
      } else {
        StrictTree.keys(q, where, fail, "name", "hierarchy");
        name = StrictTree.text(q, "name", where, fail);
        if (q.has("hierarchy")) {
          hierarchyFiles.put(name, StrictTree.file(dir, StrictTree.text(q, "hierarchy", where, fail)));
          hierarchyPaths.put(name, where + ".hierarchy");
        }
      }
      if (name.isBlank()) {
        throw fail.at(where, "required: a non-empty name");
      }
      if (qis.contains(name)) {
        throw fail.at(where, "the quasi-identifier '" + Shown.name(name) + "' is listed twice");
      }
      qis.add(name);
    }
    b.quasiIdentifiers(qis);
    hierarchyFiles.forEach((name, h) -> b.hierarchy(name, hierarchy(f, Objects.requireNonNull(hierarchyPaths.get(name)), h, hierarchies)));
    boolean hasK = root.has("k");
    if (hasK) {
      int k = StrictTree.integer(root, "k", "", fail, 1);
      if (k < 1) {
        throw fail.at("k", "must be at least 1");
      }
      b.k(k);
    }
    b.missingAsWildcard(StrictTree.bool(root, "missingAsWildcard", "", fail, false));
    if (root.has("suppression")) {
      JsonNode s = StrictTree.keys(root.get("suppression"), "suppression", fail, "limit", "originalRows");
      if (!s.has("limit") || !s.has("originalRows")) {
        throw fail.at("suppression", "needs both limit and originalRows");
      }
      double limit = StrictTree.number(s, "limit", "suppression", fail, 0);
      int rows = StrictTree.integer(s, "originalRows", "suppression", fail, 0);
      if (!(limit >= 0 && limit <= 1)) {
        throw fail.at("suppression.limit", "must be a share in [0, 1]");
      }
      if (rows < 0) {
        throw fail.at("suppression.originalRows", "must not be negative");
      }
      b.suppressionLimit(limit, rows);
    }
    JsonNode models = root.get("models");
    int modelCount = 0;
    if (models != null && !models.isNull()) {
      if (!models.isArray()) {
        throw fail.at("models", "must be a list of {type, sensitive, ...}");
      }
      for (int i = 0; i < models.size(); i++) {
        model(b, models.get(i), "models[" + i + "]", f, dir, qis, hierarchies);
      }
      modelCount = models.size();
    }
    if (!hasK && modelCount == 0) {
      throw fail.at("", "the spec states no privacy model: give k (k-anonymity) or at least one entry of models;"
          + " a spec without one would pass any release");
    }
    ReleaseReading reading = reading(root, dir, fail);
    try {
      return new VerificationSpecFile(b.build(), reading);
    } catch (IllegalArgumentException | VerificationException e) {
      throw fail.at("", Shown.clean(String.valueOf(e.getMessage())));
    }
  }

  private static ReleaseReading reading(JsonNode root, Path dir, StrictTree.Failure fail) {
    if (root.has("schema")) {
      for (String k : List.of("missing", "delimiter", "suppressedRecordToken")) {
        if (root.has(k)) {
          throw fail.at(k, "is only for a release read without a schema (the schema says how to read it)");
        }
      }
      return ReleaseReading.schema(StrictTree.schemaReference(dir, StrictTree.text(root, "schema", "", fail)));
    }
    List<String> missing = root.has("missing") ? StrictTree.texts(root, "missing", "", fail) : List.of("");
    if (missing.isEmpty()) {
      throw fail.at("missing", "must list at least one token");
    }
    char delimiter = ',';
    if (root.has("delimiter")) {
      String d = StrictTree.text(root, "delimiter", "", fail);
      if (d.length() != 1 || d.equals("\"")) {
        throw fail.at("delimiter", "must be one character other than a quote");
      }
      delimiter = d.charAt(0);
    }
    Optional<String> suppressed = root.has("suppressedRecordToken")
        ? Optional.of(StrictTree.text(root, "suppressedRecordToken", "", fail)) : Optional.empty();
    return new ReleaseReading(Optional.empty(), delimiter, missing, suppressed);
  }

  private static void model(VerificationSpec.Builder b, JsonNode m, String where, String f, Path dir,
      List<String> qis, Function<Path, List<List<String>>> hierarchies) {
    StrictTree.Failure fail = failure(f);
    if (m == null || !m.isObject()) {
      throw fail.at(where, "a model is a mapping {type, sensitive, ...}");
    }
    String type = StrictTree.text(m, "type", where, fail);
    List<String> known = MODEL_KEYS.get(type);
    if (known == null) {
      throw fail.at(where + ".type", "unknown model '" + Shown.name(type) + "' (known: "
          + String.join(", ", new java.util.TreeSet<>(MODEL_KEYS.keySet())) + ")");
    }
    StrictTree.keys(m, where, fail, known);
    for (String k : known) {
      if (!k.equals("reference") && !m.has(k)) {
        throw fail.at(StrictTree.child(where, k), "required for " + type);
      }
    }
    String s = StrictTree.text(m, "sensitive", where, fail);
    if (qis.contains(s)) {
      throw fail.at(where + ".sensitive", "'" + Shown.name(s) + "' is also a quasi-identifier");
    }
    try {
      switch (type) {
        case "distinctL" -> b.distinctL(s, StrictTree.integer(m, "l", where, fail, 0));
        case "entropyL" -> b.entropyL(s, StrictTree.number(m, "l", where, fail, 0));
        case "recursiveCL" -> b.recursiveCL(s, StrictTree.number(m, "c", where, fail, 0),
            StrictTree.integer(m, "l", where, fail, 0));
        case "tClosenessEqual" -> b.tClosenessEqual(s, StrictTree.number(m, "t", where, fail, 0));
        default -> b.tClosenessHierarchical(s, StrictTree.number(m, "t", where, fail, 0),
            hierarchy(f, where + ".hierarchy", StrictTree.file(dir, StrictTree.text(m, "hierarchy", where, fail)),
                hierarchies));
      }
      if (m.has("reference")) {
        JsonNode r = StrictTree.dataMap(m, "reference", where, fail);
        Map<String, Long> ref = new LinkedHashMap<>();
        r.fieldNames().forEachRemaining(v -> {
          long n = StrictTree.integer(r, v, where + ".reference", fail, 0L);
          ref.put(v, n);
        });
        b.tClosenessReference(s, ref);
      }
    } catch (IllegalArgumentException e) {
      throw fail.at(where, Shown.clean(String.valueOf(e.getMessage())));
    }
  }

  private static List<List<String>> hierarchy(String f, String path, Path file,
      Function<Path, List<List<String>>> reader) {
    if (!java.nio.file.Files.isRegularFile(file)) {
      // named as written (cut), never the whole path: the name comes from the file
      throw new VerificationException(f + ": " + path + ": no such file '"
          + Shown.name(String.valueOf(file.getFileName())) + "' (relative names are read from the spec's folder)");
    }
    try {
      return reader.apply(file);
    } catch (CtdcException e) {
      throw new VerificationException(f + ": " + path + ": " + e.getMessage(), e);
    }
  }

  private static StrictTree.Failure failure(String f) {
    return (path, rule) -> new VerificationException(f + ": " + (path.isEmpty() ? "" : path + ": ") + rule);
  }

  /**
   * The files of this spec: each hierarchy in ARX's layout ({@code ;}-separated, quoted where needed) under
   * {@code hierarchyFolder}, then the spec itself, whose paths are relative to its own folder.
   *
   * @param specFileName the spec's file name (the last entry's key)
   * @param hierarchyFolder the folder of the hierarchy files, relative to the spec's folder
   * @return relative file name to text, in writing order
   */
  public Map<String, String> files(String specFileName, String hierarchyFolder) {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    Map<String, Object> y = new LinkedHashMap<>();
    release.schema().ifPresent(s -> y.put("schema", s));
    List<Object> qis = new ArrayList<>();
    for (String q : spec.quasiIdentifiers()) {
      Optional<List<List<String>>> h = spec.hierarchy(q);
      if (h.isEmpty()) {
        qis.add(q);
        continue;
      }
      String name = fileName(hierarchyFolder, q, "", used);
      out.put(name, arx(h.get()));
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", q);
      e.put("hierarchy", name);
      qis.add(e);
    }
    y.put("quasiIdentifiers", qis);
    y.put("k", spec.k());
    y.put("missingAsWildcard", spec.missingAsWildcard());
    if (spec.originalRows().isPresent()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("limit", spec.suppressionShare());
      s.put("originalRows", spec.originalRows().getAsInt());
      y.put("suppression", s);
    }
    List<Object> models = new ArrayList<>();
    for (VerificationSpec.Criterion c : spec.criteria()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", typeOf(c));
      m.put("sensitive", c.sensitive());
      if (c instanceof VerificationSpec.DistinctL d) {
        m.put("l", d.l());
      } else if (c instanceof VerificationSpec.EntropyL e) {
        m.put("l", e.l());
      } else if (c instanceof VerificationSpec.RecursiveCL r) {
        m.put("c", r.c());
        m.put("l", r.l());
      } else if (c instanceof VerificationSpec.TClosenessEqual t) {
        m.put("t", t.t());
      } else if (c instanceof VerificationSpec.TClosenessHierarchical t) {
        m.put("t", t.t());
        String name = fileName(hierarchyFolder, t.sensitive(), "sensitive-", used);
        out.put(name, arx(t.hierarchy()));
        m.put("hierarchy", name);
      }
      if (c instanceof VerificationSpec.TClosenessEqual || c instanceof VerificationSpec.TClosenessHierarchical) {
        spec.tClosenessReference(c.sensitive()).ifPresent(r -> m.put("reference", new LinkedHashMap<>(r)));
      }
      models.add(m);
    }
    if (!models.isEmpty()) {
      y.put("models", models);
    }
    if (release.schema().isEmpty()) {
      y.put("delimiter", String.valueOf(release.delimiter()));
      y.put("missing", release.missingTokens());
      release.suppressedRecordToken().ifPresent(t -> y.put("suppressedRecordToken", t));
    }
    try {
      out.put(specFileName, "# Re-check the release: ctdc verify --spec " + specFileName
          + " --in RELEASE.csv (docs/verify.md)\n" + YAML.writeValueAsString(y));
    } catch (JsonProcessingException e) {
      throw new VerificationException(specFileName + ": cannot be written (" + e.getClass().getSimpleName() + ")");
    }
    return out;
  }

  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  private static final Map<Class<?>, String> TYPES = Map.of(
      VerificationSpec.DistinctL.class, "distinctL",
      VerificationSpec.EntropyL.class, "entropyL",
      VerificationSpec.RecursiveCL.class, "recursiveCL",
      VerificationSpec.TClosenessEqual.class, "tClosenessEqual",
      VerificationSpec.TClosenessHierarchical.class, "tClosenessHierarchical");

  private static String typeOf(VerificationSpec.Criterion c) {
    return Objects.requireNonNull(TYPES.get(c.getClass())); // every kind of criterion is listed
  }

  private static String fileName(String folder, String variable, String prefix, Set<String> used) {
    String safe = variable.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.isEmpty() || safe.startsWith(".")) {
      safe = "_" + safe;
    }
    String base = (folder.isEmpty() ? "" : folder + "/") + prefix + safe;
    String name = base + ".csv";
    for (int i = 2; !used.add(name); i++) {
      name = base + "-" + i + ".csv";
    }
    return name;
  }

  private static String arx(List<List<String>> rows) {
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      // a leaf that is an empty label is "" so that the line is not skipped as empty
      org.ctdc.schema.internal.CsvLine.append(sb, row, ';', null, true);
    }
    return sb.toString();
  }
}
