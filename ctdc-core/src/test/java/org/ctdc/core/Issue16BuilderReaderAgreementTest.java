package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ctdc.schema.DerivationKind;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import org.ctdc.schema.Variable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16: the rule builders and the YAML reader agree on random rules, valid or not (seeded). Each seed
 * draws one rule of a random kind with random settings from small pools holding bad values too (blank
 * columns, unknown normalisers, keys that fold alike, codes outside the value set, statuses other than
 * Adult and Minor), builds it in Java with the builders and writes the same settings as YAML. Then: where
 * a builder refuses a setting the reader refuses the file; where the spec fails against the schema both
 * fail with the same path and rule; where the Java spec builds, the YAML spec builds to equal rules.
 */
class Issue16BuilderReaderAgreementTest {

  private static final Schema VP = Schemas.load("ctdc-victim-perpetrator", "2022");

  /** How often each outcome was met: a builder refused, the schema refused, both built. */
  private static final Map<String, Integer> OUTCOMES = new java.util.concurrent.ConcurrentHashMap<>();

  @org.junit.jupiter.api.AfterAll
  static void everyOutcomeWasMetOften() {
    for (String o : List.of("builder refused", "schema refused", "built")) {
      assertTrue(OUTCOMES.getOrDefault(o, 0) >= 40, "outcome " + o + " met too rarely: " + OUTCOMES);
    }
  }

  static Stream<Long> seeds() {
    return IntStream.range(0, 400).mapToObj(i -> 16_000L + i);
  }

  private static <T> List<T> some(Random r, List<T> pool) {
    List<T> out = new ArrayList<>();
    for (T t : pool) {
      if (r.nextInt(3) == 0) {
        out.add(t);
      }
    }
    java.util.Collections.shuffle(out, r);
    return out;
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  private static Map<String, String> entries(Random r, List<String> keys, List<String> values) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : some(r, keys)) {
      m.put(k, values.get(r.nextInt(values.size())));
    }
    return m;
  }

  private static TargetRule.OnUnmapped onUnmapped(Random r, Map<String, Object> yaml) {
    int x = r.nextInt(3);
    if (x == 2) {
      return null;
    }
    yaml.put("onUnmapped", x == 0 ? "reject" : "missing");
    return x == 0 ? TargetRule.OnUnmapped.REJECT : TargetRule.OnUnmapped.MISSING;
  }

  /** Draws a rule; returns the Java rule, or the exception a builder threw. */
  private static Object draw(Random r, Map<String, Object> yaml) {
    List<String> columns = List.of("c1", "c2", " ");
    try {
      switch (r.nextInt(7)) {
        case 0 -> {
          String t = pick(r, "UN_COE_Region", "gender", " ");
          String v = pick(r, "Europe", "Female", "Mars");
          yaml.put("target", t);
          yaml.put("constant", v);
          return TargetRule.constant(t, v);
        }
        case 1 -> {
          String t = pick(r, "IP_Gender", "isForcedLabour", "");
          yaml.put("target", t);
          yaml.put("notCollected", true);
          return TargetRule.notCollected(t);
        }
        case 2 -> {
          String t = pick(r, "gender", "isForcedLabour", "yearRegister");
          String c = pick(r, "sex", "", " ");
          List<String> norm = some(r, List.of("fold", "nonsense", "year"));
          Map<String, String> map = entries(r, List.of("F", "f", "M", "woman"), List.of("Female", "Male", "Alien", "1"));
          List<String> missing = some(r, List.of("NA", "Unknown"));
          yaml.put("target", t);
          yaml.put("column", c);
          yaml.put("normalize", norm);
          yaml.put("map", map);
          yaml.put("missing", missing);
          TargetRule.OnUnmapped on = onUnmapped(r, yaml);
          TargetRule.Mapped.Builder b = TargetRule.mapped(t).from(c).normalize(norm.toArray(String[]::new)).map(map)
              .missing(missing.toArray(String[]::new));
          if (on != null) {
            b.onUnmapped(on);
          }
          return b.build();
        }
        case 3 -> {
          String t = pick(r, "isForcedLabour", "gender");
          String c = pick(r, "type", " ");
          boolean hasSplit = r.nextBoolean();
          boolean split = r.nextBoolean();
          List<String> when = some(r, List.of("Labor", "Sex"));
          List<String> unknownWhen = some(r, List.of("Not Specified"));
          List<String> other = some(r, List.of("Other", "Labor"));
          yaml.put("target", t);
          yaml.put("column", c);
          if (hasSplit) {
            yaml.put("split", split);
          }
          yaml.put("when", when);
          yaml.put("unknownWhen", unknownWhen);
          yaml.put("otherValues", other);
          TargetRule.OnUnmapped on = onUnmapped(r, yaml);
          TargetRule.FlagWhen.Builder b = TargetRule.flagWhen(t).from(c);
          if (hasSplit) {
            b.split(split);
          }
          b.when(when.toArray(String[]::new)).unknownWhen(unknownWhen.toArray(String[]::new))
              .otherValues(other.toArray(String[]::new));
          if (on != null) {
            b.onUnmapped(on);
          }
          return b.build();
        }
        case 4 -> {
          String t = pick(r, "IP_Exploiter", "gender");
          List<String> cols = some(r, columns);
          yaml.put("target", t);
          yaml.put("anyOf", cols);
          return TargetRule.anyOf(t, cols);
        }
        case 5 -> {
          String t = pick(r, "majorityStatus", "gender", "isForcedLabour");
          yaml.put("target", t);
          Map<String, Object> age = new LinkedHashMap<>();
          yaml.put("age", age);
          TargetRule.Age.Builder b = TargetRule.age(t);
          for (String setting : List.of("exact", "birthDate", "referenceDate", "band", "majority")) {
            if (r.nextBoolean()) {
              String c = pick(r, "c1", "c2", " ");
              age.put(setting, c);
              switch (setting) {
                case "exact" -> b.exact(c);
                case "birthDate" -> b.birthDate(c);
                case "referenceDate" -> b.referenceDate(c);
                case "band" -> b.band(c);
                default -> b.majority(c);
              }
            }
          }
          if (r.nextBoolean()) {
            int max = new int[] {0, 50, 110}[r.nextInt(3)];
            age.put("maximum", max);
            b.maximum(max);
          }
          if (r.nextBoolean()) {
            boolean mayBe = r.nextBoolean();
            age.put("exactMayBeBirthDate", mayBe);
            b.exactMayBeBirthDate(mayBe);
          }
          Map<String, String> mv = entries(r, List.of("Y", "y", "N"), List.of("Adult", "Minor", "Grown"));
          if (!mv.isEmpty()) {
            age.put("majorityValues", mv);
            b.majorityValues(mv);
          }
          TargetRule.OnUnmapped on = onUnmapped(r, yaml);
          if (on != null) {
            b.onUnmapped(on);
          }
          return b.build();
        }
        default -> {
          String t = pick(r, "IP_RecruiterBroker", "gender");
          DerivationKind k = DerivationKind.values()[r.nextInt(DerivationKind.values().length)];
          List<String> from = some(r, List.of("isForcedLabour", "isSexualExploit", "gender", " "));
          yaml.put("target", t);
          yaml.put("derive", switch (k) {
            case JOINED_LABELS -> "joinedLabels";
            case MAJORITY_FROM_AGE_BAND -> "majorityFromAgeBand";
            case ANY_OF -> "anyOf";
            case ALL_OF -> "allOf";
          });
          yaml.put("from", from);
          return TargetRule.derived(t, k, from);
        }
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      return e;
    }
  }

  private static String yamlValue(Object o) {
    if (o instanceof String s) {
      return "\"" + s + "\"";
    }
    if (o instanceof List<?> l) {
      return l.stream().map(Issue16BuilderReaderAgreementTest::yamlValue).collect(Collectors.joining(", ", "[", "]"));
    }
    if (o instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> yamlValue(e.getKey()) + ": " + yamlValue(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(o);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void issue16_theBuildersAndTheReaderAgreeOnRandomRules(long seed) {
    Random r = new Random(seed);
    Map<String, Object> yaml = new LinkedHashMap<>();
    Object drawn = draw(r, yaml);
    String target = (String) yaml.get("target");
    List<String> others = VP.variables().stream().map(Variable::name).filter(n -> !n.equals(target)).toList();
    String text = "alignmentFormat: 1\nname: random\ntarget: {schema: ctdc-victim-perpetrator, version: \"2022\"}\n"
        + "rules:\n  - " + yamlValue(yaml) + "\n"
        + others.stream().map(n -> "  - {target: " + n + ", notCollected: true}\n").collect(Collectors.joining());
    Object fromYaml;
    try {
      fromYaml = Specs.parse(text, "random.yaml");
    } catch (AlignmentSpecException e) {
      fromYaml = e;
    }
    String context = "seed " + seed + ": " + text.lines().skip(3).findFirst().orElse("");
    if (drawn instanceof RuntimeException e) {
      assertInstanceOf(AlignmentSpecException.class, fromYaml, context + " / builder: " + e.getMessage());
      OUTCOMES.merge("builder refused", 1, Integer::sum);
      return;
    }
    AlignmentSpec.Builder b = AlignmentSpec.builder("random", VP).origin("random.yaml").rule((TargetRule) drawn);
    others.forEach(b::notCollected);
    Object fromJava;
    try {
      fromJava = b.build();
    } catch (AlignmentSpecException e) {
      fromJava = e;
    }
    if (fromJava instanceof AlignmentSpecException j) {
      if (!(fromYaml instanceof AlignmentSpecException y)) {
        fail(context + ": Java refused (" + j.getMessage() + "), YAML built");
        return;
      }
      assertEquals(j.path(), y.path(), context);
      assertEquals(j.rule(), y.rule(), context);
      OUTCOMES.merge("schema refused", 1, Integer::sum);
    } else {
      if (fromYaml instanceof AlignmentSpecException y) {
        fail(context + ": YAML refused (" + y.getMessage() + "), Java built");
        return;
      }
      assertEquals(((AlignmentSpec) fromJava).rules(), ((AlignmentSpec) fromYaml).rules(), context);
      OUTCOMES.merge("built", 1, Integer::sum);
    }
  }
}
