package org.ctdc.deid;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ctdc.schema.internal.SafeYaml;
import org.ctdc.schema.internal.StrictTree;
import org.ctdc.schema.Role;

/**
 * A de-identification run read from a YAML file ({@code docs/deid-config.md}): the {@link DeidConfig} and
 * how to read the input (a schema reference, or a schema inferred from the CSV header; the delimiter and
 * missing tokens of an inferred schema). Every relative path in the file (the schema file, hierarchy and key
 * files) is resolved against the YAML file's folder. The file is read with the library's one strict reader
 * set-up (issue 14): unknown and duplicate keys are errors naming the file, the path and the key.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param config the configuration
 * @param schema a schema reference ({@code NAME}, {@code NAME@VERSION} or a schema file), or empty to infer
 *     one from the CSV header
 * @param delimiter the field delimiter of an inferred schema
 * @param missingTokens the missing tokens of an inferred schema
 * @param filesRead the files the job was read from besides its YAML file (hierarchies, the pseudonym key
 *     file), so that a caller can refuse to write an output over one of them
 */
public record DeidJob(DeidConfig config, Optional<String> schema, char delimiter, List<String> missingTokens,
    List<Path> filesRead) {

  private static final Set<String> TOP_KEYS = Set.of("input", "quasiIdentifiers", "sensitive", "insensitive",
      "identifiers", "models", "suppressionLimit", "metric", "missingValues", "pseudonymKeyFile", "threads",
      "nodeBudget", "timeBudgetSeconds", "classifyLattice", "localSuppression", "localSuppressionImportance",
      "topBottomCoding", "risk");

  /** The largest pseudonym key file read, in bytes. */
  public static final int MAX_KEY_FILE_BYTES = 65_536;

  /** Copies the tokens and files. */
  public DeidJob {
    missingTokens = List.copyOf(missingTokens);
    filesRead = List.copyOf(filesRead);
  }

  /**
   * A job that was not read from files.
   *
   * @param config the configuration
   * @param schema a schema reference, or empty to infer one
   * @param delimiter the field delimiter of an inferred schema
   * @param missingTokens the missing tokens of an inferred schema
   */
  public DeidJob(DeidConfig config, Optional<String> schema, char delimiter, List<String> missingTokens) {
    this(config, schema, delimiter, missingTokens, List.of());
  }

  /**
   * Reads a job file.
   *
   * @param yaml the file
   * @return the job
   * @throws DeidException naming the file and the key when the file is malformed
   * @throws HierarchyException when a hierarchy file is malformed
   */
  public static DeidJob read(Path yaml) {
    String f = yaml.toString();
    JsonNode root = StrictTree.read(yaml, failure(f));
    try {
      return read(f, root, StrictTree.folder(yaml), new ArrayList<>());
    } catch (IllegalArgumentException | IllegalStateException e) {
      // a setting of the file refused by DeidConfig's builder, whose message names the setting (and quotes
      // no file content); not kept as the cause, as no parser's exception is
      throw new DeidException(f + ": " + e.getMessage());
    } catch (DeidException e) {
      // rules checked by the builders (DeidConfig, PrivacyModel, Hierarchy) do not know the file
      throw e.getMessage().startsWith(f + ": ") ? e : new DeidException(f + ": " + e.getMessage(), e);
    }
  }

  private static StrictTree.Failure failure(String f) {
    return (path, rule) -> new DeidException(f + ": " + (path.isEmpty() ? "" : path + ": ") + rule);
  }

  private static DeidJob read(String f, JsonNode root, Path dir, List<Path> files) {
    if (!root.isObject()) {
      throw new DeidException(f + ": the configuration must be a YAML mapping");
    }
    checkKeys(f, "", root, TOP_KEYS);
    DeidConfig.Builder b = DeidConfig.builder();
    Optional<String> schema = Optional.empty();
    char delimiter = ',';
    List<String> missing = List.of("");
    JsonNode input = root.path("input");
    if (!input.isMissingNode()) {
      checkKeys(f, "input", input, Set.of("schema", "delimiter", "missing"));
      if (input.has("schema")) {
        schema = Optional.of(StrictTree.schemaReference(dir, text(f, "input.schema", input.get("schema"))));
      }
      if (input.has("delimiter")) {
        String d = text(f, "input.delimiter", input.get("delimiter"));
        if (d.length() != 1) {
          throw new DeidException(f + ": input.delimiter must be one character");
        }
        delimiter = d.charAt(0);
      }
      if (input.has("missing")) {
        missing = strings(f, "input.missing", input.get("missing"));
      }
    }
    JsonNode qis = root.path("quasiIdentifiers");
    if (!qis.isArray() || qis.isEmpty()) {
      throw new DeidException(f + ": quasiIdentifiers must list at least one variable with its hierarchy");
    }
    for (int i = 0; i < qis.size(); i++) {
      String p = "quasiIdentifiers[" + i + "]";
      JsonNode q = qis.get(i);
      checkKeys(f, p, q, Set.of("name", "hierarchy", "delimiter", "minLevel", "maxLevel"));
      String name = text(f, p + ".name", q.get("name"));
      Hierarchy h = hierarchy(f, p, q, dir, name, files);
      b.quasiIdentifier(name, h);
      if (q.has("minLevel") || q.has("maxLevel")) {
        b.levels(name, integer(f, p + ".minLevel", q.path("minLevel"), 0),
            integer(f, p + ".maxLevel", q.path("maxLevel"), h.height()));
      }
    }
    for (String v : optStrings(f, "sensitive", root.get("sensitive"))) {
      b.role(v, Role.SENSITIVE);
    }
    for (String v : optStrings(f, "insensitive", root.get("insensitive"))) {
      b.role(v, Role.INSENSITIVE);
    }
    for (String v : optStrings(f, "identifiers", root.get("identifiers"))) {
      b.role(v, Role.IDENTIFIER);
    }
    JsonNode models = root.path("models");
    if (!models.isArray() || models.isEmpty()) {
      throw new DeidException(f + ": models must list at least one privacy model, such as '- k: 11'");
    }
    for (int i = 0; i < models.size(); i++) {
      b.model(model(f, "models[" + i + "]", models.get(i), dir, files));
    }
    if (root.has("suppressionLimit")) {
      b.suppressionLimit(number(f, "suppressionLimit", root.get("suppressionLimit")));
    }
    if (root.has("metric")) {
      b.metric(enumOf(Metric.class, f, "metric", root.get("metric")));
    }
    if (root.has("missingValues")) {
      b.missingValues(enumOf(MissingValues.class, f, "missingValues", root.get("missingValues")));
    }
    if (root.has("pseudonymKeyFile")) {
      String name = text(f, "pseudonymKeyFile", root.get("pseudonymKeyFile"));
      Path key = StrictTree.file(dir, name);
      files.add(key);
      try {
        // a key is a few dozen bytes: a device or a huge file named by mistake is not read
        if (!Files.isRegularFile(key) || Files.size(key) > MAX_KEY_FILE_BYTES) {
          throw new DeidException(f + ": pseudonymKeyFile: '" + SafeYaml.shown(name)
              + "' is not a regular file of at most " + MAX_KEY_FILE_BYTES + " bytes");
        }
        b.pseudonymKey(Files.readAllBytes(key));
      } catch (IOException e) {
        throw new DeidException(f + ": pseudonymKeyFile: cannot read the key file '" + SafeYaml.shown(name) + "'");
      }
    }
    if (root.has("threads")) {
      b.threads(integer(f, "threads", root.get("threads"), 1));
    }
    if (root.has("nodeBudget")) {
      b.nodeBudget(integer(f, "nodeBudget", root.get("nodeBudget"), 0));
    }
    if (root.has("timeBudgetSeconds")) {
      b.timeBudget(Duration.ofMillis((long) (1000 * number(f, "timeBudgetSeconds", root.get("timeBudgetSeconds")))));
    }
    if (root.has("classifyLattice")) {
      if (!root.get("classifyLattice").isBoolean()) {
        throw new DeidException(f + ": classifyLattice must be true or false");
      }
      b.classifyLattice(root.get("classifyLattice").booleanValue());
    }
    if (root.has("localSuppression")) {
      b.localSuppression(enumOf(LocalSuppressionMode.class, f, "localSuppression", root.get("localSuppression")));
    }
    if (root.has("localSuppressionImportance")) {
      b.suppressionImportance(strings(f, "localSuppressionImportance", root.get("localSuppressionImportance")));
    }
    JsonNode codings = root.path("topBottomCoding");
    if (!codings.isMissingNode()) {
      if (!codings.isArray()) {
        throw new DeidException(f + ": topBottomCoding must be a list of {variable, top, bottom}");
      }
      for (int i = 0; i < codings.size(); i++) {
        String p = "topBottomCoding[" + i + "]";
        JsonNode c = codings.get(i);
        checkKeys(f, p, c, Set.of("variable", "top", "bottom"));
        String var = text(f, p + ".variable", c.get("variable"));
        if (!c.has("top") && !c.has("bottom")) {
          throw new DeidException(f + ": " + p + " needs top, bottom or both");
        }
        if (c.has("bottom")) {
          b.bottomCode(var, integer(f, p + ".bottom", c.get("bottom"), 0));
        }
        if (c.has("top")) {
          b.topCode(var, integer(f, p + ".top", c.get("top"), 0));
        }
      }
    }
    JsonNode risk = root.path("risk");
    if (!risk.isMissingNode()) {
      checkKeys(f, "risk", risk, Set.of("smallClassThreshold", "riskThreshold", "weights"));
      if (risk.has("smallClassThreshold")) {
        int t = integer(f, "risk.smallClassThreshold", risk.get("smallClassThreshold"), 0);
        if (t < 1) {
          throw new DeidException(f + ": risk.smallClassThreshold must be at least 1");
        }
        b.riskSmallClassThreshold(t);
      }
      if (risk.has("riskThreshold")) {
        b.riskThreshold(number(f, "risk.riskThreshold", risk.get("riskThreshold")));
      }
      if (risk.has("weights")) {
        b.riskWeights(text(f, "risk.weights", risk.get("weights")));
      }
    }
    try {
      return new DeidJob(b.build(), schema, delimiter, missing, files);
    } catch (DeidException e) {
      throw new DeidException(f + ": " + e.getMessage(), e);
    }
  }

  private static Hierarchy hierarchy(String f, String p, JsonNode q, Path dir, String name, List<Path> files) {
    String file = text(f, p + ".hierarchy", q.get("hierarchy"));
    char d = ';';
    if (q.has("delimiter")) {
      String s = text(f, p + ".delimiter", q.get("delimiter"));
      if (s.length() != 1) {
        throw new DeidException(f + ": " + p + ".delimiter must be one character");
      }
      d = s.charAt(0);
    }
    Path hp = StrictTree.file(dir, file);
    files.add(hp);
    if (!Files.isRegularFile(hp)) {
      throw new DeidException(f + ": " + p + ".hierarchy: no such file '" + SafeYaml.shown(file)
          + "' in the configuration's folder");
    }
    try {
      return Hierarchy.readArx(hp, d).withName(name);
    } catch (HierarchyException e) {
      throw new DeidException(f + ": " + p + ".hierarchy: " + e.getMessage(), e);
    }
  }

  private static PrivacyModel model(String f, String p, JsonNode m, Path dir, List<Path> files) {
    if (m == null || !m.isObject() || m.size() != 1) {
      throw new DeidException(f + ": " + p + " must be a mapping with one key: k, distinctL, entropyL, recursiveCL or tCloseness");
    }
    String kind = m.fieldNames().next();
    JsonNode v = m.get(kind);
    String q = p + "." + kind;
    try {
      switch (kind) {
        case "k":
          return new PrivacyModel.KAnonymity(integer(f, q, v, 1));
        case "distinctL":
          checkKeys(f, q, v, Set.of("variable", "l"));
          return new PrivacyModel.DistinctLDiversity(text(f, q + ".variable", v.get("variable")), integer(f, q + ".l", v.get("l"), 1));
        case "entropyL":
          checkKeys(f, q, v, Set.of("variable", "l"));
          return new PrivacyModel.EntropyLDiversity(text(f, q + ".variable", v.get("variable")), number(f, q + ".l", v.get("l")));
        case "recursiveCL":
          checkKeys(f, q, v, Set.of("variable", "c", "l"));
          return new PrivacyModel.RecursiveClDiversity(text(f, q + ".variable", v.get("variable")),
              number(f, q + ".c", v.get("c")), integer(f, q + ".l", v.get("l"), 1));
        case "tCloseness": {
          checkKeys(f, q, v, Set.of("variable", "t", "hierarchy", "delimiter"));
          String var = text(f, q + ".variable", v.get("variable"));
          double t = number(f, q + ".t", v.get("t"));
          if (v.has("hierarchy")) {
            return PrivacyModel.TCloseness.hierarchical(var, t, hierarchy(f, q, v, dir, var, files));
          }
          return PrivacyModel.TCloseness.equalDistance(var, t);
        }
        default:
          throw new DeidException(f + ": " + p + ": unknown model '" + SafeYaml.shown(kind)
              + "'; use k, distinctL, entropyL, recursiveCL or tCloseness");
      }
    } catch (DeidException e) {
      if (e.getMessage().startsWith(f)) {
        throw e;
      }
      throw new DeidException(f + ": " + q + ": " + e.getMessage(), e);
    }
  }

  private static void checkKeys(String f, String p, JsonNode n, Set<String> allowed) {
    StrictTree.keys(n, p, failure(f), allowed);
  }

  private static String text(String f, String p, JsonNode n) {
    if (n == null || !n.isValueNode() || n.asText().isBlank()) {
      throw new DeidException(f + ": " + p + " is required and must be a non-empty text");
    }
    return n.asText();
  }

  private static List<String> strings(String f, String p, JsonNode n) {
    if (n == null || !n.isArray()) {
      throw new DeidException(f + ": " + p + " must be a list");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode x : n) {
      if (!x.isValueNode() || x.isNull()) {
        throw new DeidException(f + ": " + p + " must be a list of texts");
      }
      out.add(x.asText());
    }
    return out;
  }

  private static List<String> optStrings(String f, String p, JsonNode n) {
    return n == null ? List.of() : strings(f, p, n);
  }

  private static int integer(String f, String p, JsonNode n, int dflt) {
    if (n == null || n.isMissingNode()) {
      return dflt;
    }
    if (!n.canConvertToInt() || !n.isIntegralNumber()) {
      throw new DeidException(f + ": " + p + " must be an integer");
    }
    return n.asInt();
  }

  private static double number(String f, String p, JsonNode n) {
    if (n == null || !n.isNumber()) {
      throw new DeidException(f + ": " + p + " must be a number");
    }
    return n.asDouble();
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String f, String p, JsonNode n) {
    String s = text(f, p, n);
    String want = s.replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(want)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      String lower = e.name().toLowerCase(Locale.ROOT);
      StringBuilder sb = new StringBuilder();
      boolean up = false;
      for (char c : lower.toCharArray()) {
        if (c == '_') {
          up = true;
        } else {
          sb.append(up ? Character.toUpperCase(c) : c);
          up = false;
        }
      }
      names.add(sb.toString());
    }
    throw new DeidException(f + ": " + p + ": unknown value '" + SafeYaml.shown(s) + "'; expected one of " + names);
  }
}
