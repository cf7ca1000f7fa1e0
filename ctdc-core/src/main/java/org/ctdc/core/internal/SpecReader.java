package org.ctdc.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ctdc.core.AlignmentSpec;
import org.ctdc.core.AlignmentSpecException;
import org.ctdc.core.SourceConventions;
import org.ctdc.core.SourceFormats;
import org.ctdc.core.TargetRule;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.DerivationKind;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import org.ctdc.schema.internal.Shown;
import org.ctdc.schema.internal.StrictTree;
import org.jspecify.annotations.Nullable;

/**
 * Reads alignment spec files ({@code alignmentFormat: 1}, YAML or JSON). Unknown keys are errors; every
 * error names the source and the path. Not API; thread-safe.
 */
public final class SpecReader {

  /** The spec file format version this reader understands. */
  public static final int FORMAT_VERSION = 1;

  /** Deepest nesting of mappings and lists read (a spec needs 5), as {@code SchemaFiles.MAX_NESTING}. */
  public static final int MAX_NESTING = StrictTree.MAX_NESTING;
  /** Longest text value or key read, in characters. */
  public static final int MAX_STRING_LENGTH = StrictTree.MAX_STRING_LENGTH;
  /** Longest key shown in a message; a longer one is cut, so that no message repeats much of a file. */
  static final int MAX_KEY_SHOWN = Shown.MAX_SHOWN;

  // limits and duplicate keys refused: fuzzing found Jackson's defaults too loose (a second "F:" in a map
  // overrode the first)
  private static final Set<String> ROOT_KEYS =
      Set.of("alignmentFormat", "name", "partner", "description", "target", "conventions",
          "identifierColumns", "freeTextColumns", "notes", "rules", "formats");
  private static final Set<String> RULE_KEYS =
      Set.of("target", "note", "constant", "notCollected", "column", "normalize", "map", "missing",
          "onUnmapped", "split", "when", "unknownWhen", "otherValues", "anyOf", "age", "derive", "from");

  private final String origin;

  private SpecReader(String origin) {
    this.origin = origin;
  }

  /**
   * Parses a spec.
   *
   * @param text YAML or JSON text
   * @param origin the file or resource name for messages
   * @return the validated spec
   * @throws AlignmentSpecException naming the origin, the path and the rule
   */
  public static AlignmentSpec parse(String text, String origin) {
    return tree(StrictTree.parse(text, StrictTree.Format.YAML, failure(origin)), origin);
  }

  /**
   * Reads a spec file: YAML, or JSON for {@code .json}, within the limits of {@link StrictTree}.
   *
   * @param file the file
   * @return the validated spec
   * @throws AlignmentSpecException naming the file, the path and the rule
   */
  public static AlignmentSpec read(java.nio.file.Path file) {
    String origin = file.toString();
    return tree(StrictTree.read(file, failure(origin)), origin);
  }

  private static StrictTree.Failure failure(String origin) {
    return (path, rule) -> new AlignmentSpecException(origin, path, rule);
  }

  private static AlignmentSpec tree(JsonNode root, String origin) {
    if (root == null || !root.isObject()) {
      throw new AlignmentSpecException(origin, "", "a spec is a YAML or JSON object");
    }
    return new SpecReader(origin).read(root);
  }

  /**
   * A key or name of the file as a message shows it: cut to {@value #MAX_KEY_SHOWN} characters (found by
   * fuzzing: messages repeated names of any length).
   *
   * @param key the key or name
   * @return it, or its beginning and its length
   */
  public static String shown(String key) {
    return Shown.name(key);
  }

  private AlignmentSpecException fail(String path, String rule) {
    return new AlignmentSpecException(origin, path, rule);
  }

  private void keys(JsonNode node, String path, Set<String> allowed) {
    StrictTree.keys(node, path, this::fail, allowed);
  }

  private String text(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      throw fail(path, "required");
    }
    if (!node.isValueNode()) {
      throw fail(path, "must be a text value");
    }
    return node.asText();
  }

  private Optional<String> optText(JsonNode parent, String key, String path) {
    JsonNode n = parent.get(key);
    return n == null || n.isNull() ? Optional.empty() : Optional.of(text(n, path + "." + key));
  }

  private List<String> list(JsonNode parent, String key, String path) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw fail(path.isEmpty() ? key : path + "." + key, "must be a list");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      out.add(text(n.get(i), (path.isEmpty() ? key : path + "." + key) + "[" + i + "]"));
    }
    return out;
  }

  private boolean bool(JsonNode parent, String key, String path) {
    JsonNode n = parent.get(key);
    if (n == null) {
      return false;
    }
    if (!n.isBoolean()) {
      throw fail(path + "." + key, "must be true or false");
    }
    return n.asBoolean();
  }

  private AlignmentSpec read(JsonNode root) {
    keys(root, "", ROOT_KEYS);
    JsonNode fv = root.get("alignmentFormat");
    if (fv == null) {
      throw fail("alignmentFormat", "required; this reader understands alignmentFormat " + FORMAT_VERSION);
    }
    if (!fv.isInt() || fv.asInt() != FORMAT_VERSION) {
      throw fail("alignmentFormat", "unknown alignment spec format; this reader understands " + FORMAT_VERSION);
    }
    String name = text(root.get("name"), "name");
    JsonNode target = root.get("target");
    if (target == null || !target.isObject()) {
      throw fail("target", "required: {schema: NAME, version: VERSION}");
    }
    keys(target, "target", Set.of("schema", "version"));
    String schemaName = text(target.get("schema"), "target.schema");
    Schema schema;
    try {
      schema =
          target.has("version")
              ? Schemas.load(schemaName, text(target.get("version"), "target.version"))
              : Schemas.load(schemaName);
    } catch (CtdcException e) {
      throw new AlignmentSpecException(origin, "target", "unknown target schema '" + shown(schemaName) + "' (see Schemas for the bundled ones)", e);
    }
    AlignmentSpec.Builder b = at("name", () -> AlignmentSpec.builder(name, schema));
    if (!origin.isBlank()) {
      b.origin(origin);
    }
    optText(root, "partner", "").ifPresent(p -> at("partner", () -> b.partner(p)));
    optText(root, "description", "").ifPresent(b::description);
    JsonNode conv = root.get("conventions");
    if (conv != null) {
      if (!conv.isObject()) {
        throw fail("conventions", "must be an object");
      }
      keys(conv, "conventions", Set.of("missing", "flagTrue", "flagFalse", "separators"));
      SourceConventions d = SourceConventions.DEFAULTS;
      try {
        b.conventions(
            new SourceConventions(
                conv.has("missing") ? list(conv, "missing", "conventions") : d.missing(),
                conv.has("flagTrue") ? list(conv, "flagTrue", "conventions") : d.flagTrue(),
                conv.has("flagFalse") ? list(conv, "flagFalse", "conventions") : d.flagFalse(),
                conv.has("separators") ? list(conv, "separators", "conventions") : d.separators()));
      } catch (IllegalArgumentException e) {
        // SourceConventions names the spelling; it is cut like any name of the file
        throw fail("conventions", String.valueOf(e.getMessage()).startsWith("flag spelling")
            ? "a flag spelling is in both flagTrue and flagFalse" : String.valueOf(e.getMessage()));
      }
    }
    JsonNode fm = root.get("formats");
    if (fm != null) {
      if (!fm.isObject()) {
        throw fail("formats", "must be an object");
      }
      keys(fm, "formats", Set.of("dates", "ageUnits", "approximate"));
      List<String> dates = list(fm, "dates", "formats");
      for (int i = 0; i < dates.size(); i++) {
        String why = org.ctdc.core.normalize.DatePatterns.problem(dates.get(i));
        if (why != null) {
          throw fail("formats.dates[" + i + "]", why);
        }
      }
      List<String> units = list(fm, "ageUnits", "formats");
      List<String> approx = list(fm, "approximate", "formats");
      words(units, "formats.ageUnits");
      words(approx, "formats.approximate");
      b.formats(new SourceFormats(dates, units, approx));
    }
    List<String> identifiers = list(root, "identifierColumns", "");
    at("identifierColumns", () -> b.identifierColumns(identifiers));
    List<String> freeText = list(root, "freeTextColumns", "");
    at("freeTextColumns", () -> b.freeTextColumns(freeText));
    list(root, "notes", "").forEach(b::note);
    JsonNode rules = root.get("rules");
    if (rules == null || !rules.isArray()) {
      throw fail("rules", "required: a list of rules, one per target variable");
    }
    for (int i = 0; i < rules.size(); i++) {
      String path = "rules[" + i + "]";
      JsonNode r = rules.get(i);
      if (!r.isObject()) {
        throw fail(path, "a rule is an object");
      }
      keys(r, path, RULE_KEYS);
      String t = text(r.get("target"), path + ".target");
      optText(r, "note", path).ifPresent(n -> b.note(t + ": " + n));
      b.rule(rule(r, path, t));
    }
    return b.build();
  }

  /**
   * Runs one builder call; an argument the builder refuses becomes an error at the path of its setting.
   * The builders' messages name the setting, never a value.
   */
  private <T> T at(String path, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw fail(path, String.valueOf(e.getMessage()));
    }
  }

  private TargetRule rule(JsonNode r, String path, String t) {
    List<String> kinds = new ArrayList<>();
    for (String k : List.of("constant", "notCollected", "column", "anyOf", "age", "derive")) {
      if (r.has(k)) {
        kinds.add(k);
      }
    }
    if (kinds.size() != 1) {
      throw fail(path, "a rule has exactly one of constant, notCollected, column, anyOf, age, derive; found " + kinds);
    }
    String kind = kinds.get(0);
    String tp = path + ".target";
    switch (kind) {
      case "constant": {
        only(r, path, Set.of("target", "note", "constant"));
        String value = text(r.get("constant"), path + ".constant");
        return at(tp, () -> TargetRule.constant(t, value));
      }
      case "notCollected":
        only(r, path, Set.of("target", "note", "notCollected"));
        if (!bool(r, "notCollected", path)) {
          throw fail(path + ".notCollected", "only true is meaningful; leave the rule out otherwise");
        }
        return at(tp, () -> TargetRule.notCollected(t));
      case "anyOf": {
        only(r, path, Set.of("target", "note", "anyOf"));
        List<String> columns = list(r, "anyOf", path);
        return at(path + ".anyOf", () -> TargetRule.anyOf(t, columns));
      }
      case "derive": {
        only(r, path, Set.of("target", "note", "derive", "from"));
        String d = text(r.get("derive"), path + ".derive");
        DerivationKind k =
            switch (d) {
              case "joinedLabels" -> DerivationKind.JOINED_LABELS;
              case "majorityFromAgeBand" -> DerivationKind.MAJORITY_FROM_AGE_BAND;
              case "anyOf" -> DerivationKind.ANY_OF;
              case "allOf" -> DerivationKind.ALL_OF;
              default -> throw fail(path + ".derive", "one of joinedLabels, majorityFromAgeBand, anyOf, allOf");
            };
        List<String> from = list(r, "from", path);
        return at(path + ".from", () -> TargetRule.derived(t, k, from));
      }
      case "age":
        only(r, path, Set.of("target", "note", "age", "onUnmapped"));
        return age(r, path, t);
      default:
        return column(r, path, t);
    }
  }

  private TargetRule age(JsonNode r, String path, String t) {
    JsonNode a = r.get("age");
    String p = path + ".age";
    if (!a.isObject()) {
      throw fail(p, "must be an object");
    }
    keys(a, p, Set.of("exact", "birthDate", "referenceDate", "band", "majority", "maximum",
        "exactMayBeBirthDate", "majorityValues"));
    TargetRule.Age.Builder b = at(path + ".target", () -> TargetRule.age(t));
    optText(a, "exact", p).ifPresent(c -> at(p + ".exact", () -> b.exact(c)));
    optText(a, "birthDate", p).ifPresent(c -> at(p + ".birthDate", () -> b.birthDate(c)));
    optText(a, "referenceDate", p).ifPresent(c -> at(p + ".referenceDate", () -> b.referenceDate(c)));
    optText(a, "band", p).ifPresent(c -> at(p + ".band", () -> b.band(c)));
    optText(a, "majority", p).ifPresent(c -> at(p + ".majority", () -> b.majority(c)));
    if (a.has("maximum")) {
      if (!a.get("maximum").isInt()) {
        throw fail(p + ".maximum", "a positive whole number of years");
      }
      int max = a.get("maximum").asInt();
      at(p + ".maximum", () -> b.maximum(max));
    }
    if (a.has("exactMayBeBirthDate")) {
      boolean mayBe = bool(a, "exactMayBeBirthDate", p);
      at(p + ".exactMayBeBirthDate", () -> b.exactMayBeBirthDate(mayBe));
    }
    entries(a.get("majorityValues"), p + ".majorityValues", "source value -> Adult or Minor", b::majorityValue);
    onUnmapped(r, path).ifPresent(o -> at(path + ".onUnmapped", () -> b.onUnmapped(o)));
    return at(p, b::build);
  }

  /** Gives each key and text value of an object (if present) to a builder's setter, at the key's path. */
  private void entries(
      @Nullable JsonNode object, String path, String what, java.util.function.BiFunction<String, String, ?> setter) {
    if (object == null) {
      return;
    }
    if (!object.isObject()) {
      throw fail(path, "must be an object: " + what);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = path + "." + shown(e.getKey());
      String to = text(e.getValue(), at);
      at(at, () -> setter.apply(e.getKey(), to));
    }
  }

  private TargetRule column(JsonNode r, String path, String t) {
    String column = text(r.get("column"), path + ".column");
    if (r.has("when")) {
      only(r, path, Set.of("target", "note", "column", "split", "when", "unknownWhen", "otherValues", "onUnmapped"));
      TargetRule.FlagWhen.Builder b = at(path + ".target", () -> TargetRule.flagWhen(t));
      at(path + ".column", () -> b.from(column));
      if (r.has("split")) {
        boolean split = bool(r, "split", path);
        at(path + ".split", () -> b.split(split));
      }
      List<String> when = list(r, "when", path);
      at(path + ".when", () -> b.when(when.toArray(String[]::new)));
      List<String> unknownWhen = list(r, "unknownWhen", path);
      b.unknownWhen(unknownWhen.toArray(String[]::new));
      List<String> otherValues = list(r, "otherValues", path);
      b.otherValues(otherValues.toArray(String[]::new));
      onUnmapped(r, path).ifPresent(o -> at(path + ".onUnmapped", () -> b.onUnmapped(o)));
      return at(path, b::build);
    }
    only(r, path, Set.of("target", "note", "column", "normalize", "map", "missing", "onUnmapped"));
    TargetRule.Mapped.Builder b = at(path + ".target", () -> TargetRule.mapped(t));
    at(path + ".column", () -> b.from(column));
    List<String> normalize = list(r, "normalize", path);
    for (int i = 0; i < normalize.size(); i++) {
      String n = normalize.get(i);
      at(path + ".normalize[" + i + "]", () -> b.normalize(n));
    }
    entries(r.get("map"), path + ".map", "source value -> target code", b::map);
    b.missing(list(r, "missing", path).toArray(String[]::new));
    onUnmapped(r, path).ifPresent(o -> at(path + ".onUnmapped", () -> b.onUnmapped(o)));
    return at(path, b::build);
  }

  private void words(List<String> words, String path) {
    for (int i = 0; i < words.size(); i++) {
      String f = org.ctdc.core.normalize.TextFold.fold(words.get(i));
      if (f.isEmpty() || f.chars().anyMatch(Character::isDigit)) {
        throw fail(path + "[" + i + "]", "a word must not be blank or hold a digit");
      }
    }
  }

  private Optional<TargetRule.OnUnmapped> onUnmapped(JsonNode r, String path) {
    Optional<String> o = optText(r, "onUnmapped", path);
    if (o.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(switch (o.get()) {
      case "reject" -> TargetRule.OnUnmapped.REJECT;
      case "missing" -> TargetRule.OnUnmapped.MISSING;
      default -> throw fail(path + ".onUnmapped", "reject or missing");
    });
  }

  private void only(JsonNode r, String path, Set<String> allowed) {
    for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw fail(path + "." + shown(k), "does not go with this kind of rule");
      }
    }
  }
}
