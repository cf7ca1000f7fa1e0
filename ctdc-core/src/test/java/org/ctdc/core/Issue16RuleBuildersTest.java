package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.DerivationKind;
import org.ctdc.schema.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16: every rule kind of the alignment spec has a static factory (a builder where the rule has
 * optional settings) whose setters check their arguments; the spec reader builds rules with them, so a
 * spec built in Java equals, and aligns exactly like, the same spec read from YAML.
 */
class Issue16RuleBuildersTest {

  /** A spec over the victim-perpetrator schema holding every kind of rule and every setting of each. */
  static final String YAML = """
      alignmentFormat: 1
      name: every-rule-kind
      partner: our-ngo
      description: Every kind of rule.
      target: {schema: ctdc-victim-perpetrator, version: "2022"}
      conventions: {missing: ["", "Unknown"], separators: ["; ", ";"]}
      formats: {dates: ["d/M/yyyy"], ageUnits: ["yrs"], approximate: ["about"]}
      identifierColumns: [caseId]
      freeTextColumns: [name]
      notes: ["A note."]
      rules:
        - {target: yearRegister, column: year, normalize: [periodBand], onUnmapped: missing}
        - target: gender
          column: sex
          normalize: [fold]
          map: {F: Female, M: Male, woman: Female}
          missing: [NonSpecifiedUnknown]
          note: "Gender as written."
        - target: majorityStatus
          age: {exact: age, exactMayBeBirthDate: true, referenceDate: regDate, majority: adult,
                majorityValues: {Y: Adult, N: Minor}, maximum: 110}
          onUnmapped: missing
        - {target: isForcedLabour, column: type, split: true, when: [Labor], unknownWhen: [Not Specified], otherValues: [Other]}
        - {target: isSexualExploit, column: type, split: true, when: [Sex, Sex and Labor], onUnmapped: missing}
        - {target: UN_COO_Region, column: citizenship, normalize: ["country:unRegion"],
           map: {Americas: Americas/Oceania, Oceania: Americas/Oceania}, onUnmapped: missing}
        - {target: UN_COE_Region, constant: Europe}
        - {target: IP_Exploiter, anyOf: [exploiterKnown, recruiterKnown]}
        - {target: IP_RecruiterBroker, derive: allOf, from: [isForcedLabour, isSexualExploit]}
        - {target: IP_TransactionProcess, derive: anyOf, from: [isForcedLabour, IP_Exploiter]}
        - {target: IP_Gender, notCollected: true}
        - {target: IP_ageBroad, notCollected: true}
        - {target: IP_citizen_UNRegion, notCollected: true}
        - {target: IP_Relation, notCollected: true}
        - {target: IP_PayMoney, notCollected: true}
        - {target: IP_ControlAbuseKidnap, notCollected: true}
      """;

  /** The same spec, written with the builders. */
  static AlignmentSpec javaSpec() {
    Map<String, String> regions = new LinkedHashMap<>();
    regions.put("Americas", "Americas/Oceania");
    regions.put("Oceania", "Americas/Oceania");
    return AlignmentSpec.builder("every-rule-kind", Schemas.load("ctdc-victim-perpetrator", "2022"))
        .origin("every-rule-kind.yaml")
        .partner("our-ngo")
        .description("Every kind of rule.")
        .conventions(SourceConventions.DEFAULTS.withMissing("", "Unknown").withSeparators("; ", ";"))
        .formats(SourceFormats.DEFAULTS.withDates("d/M/yyyy").withAgeUnits("yrs").withApproximate("about"))
        .identifierColumns(List.of("caseId"))
        .freeTextColumns(List.of("name"))
        .note("A note.")
        .rule(TargetRule.mapped("yearRegister").from("year").normalize("periodBand")
            .onUnmapped(TargetRule.OnUnmapped.MISSING))
        .rule(TargetRule.mapped("gender").from("sex").normalize("fold").map("F", "Female").map("M", "Male")
            .map("woman", "Female").missing("NonSpecifiedUnknown"))
        .note("gender: Gender as written.")
        .rule(TargetRule.age("majorityStatus").exact("age").exactMayBeBirthDate(true).referenceDate("regDate")
            .majority("adult").majorityValue("Y", "Adult").majorityValue("N", "Minor").maximum(110)
            .onUnmapped(TargetRule.OnUnmapped.MISSING))
        .rule(TargetRule.flagWhen("isForcedLabour").from("type").split(true).when("Labor")
            .unknownWhen("Not Specified").otherValues("Other"))
        .rule(TargetRule.flagWhen("isSexualExploit").from("type").split(true).when("Sex", "Sex and Labor")
            .onUnmapped(TargetRule.OnUnmapped.MISSING))
        .rule(TargetRule.mapped("UN_COO_Region").from("citizenship").normalize("country:unRegion").map(regions)
            .onUnmapped(TargetRule.OnUnmapped.MISSING))
        .constant("UN_COE_Region", "Europe")
        .rule(TargetRule.anyOf("IP_Exploiter", "exploiterKnown", "recruiterKnown"))
        .rule(TargetRule.derived("IP_RecruiterBroker", DerivationKind.ALL_OF, "isForcedLabour", "isSexualExploit"))
        .rule(TargetRule.derived("IP_TransactionProcess", DerivationKind.ANY_OF, List.of("isForcedLabour", "IP_Exploiter")))
        .notCollected("IP_Gender", "IP_ageBroad", "IP_citizen_UNRegion", "IP_Relation", "IP_PayMoney",
            "IP_ControlAbuseKidnap")
        .build();
  }

  static List<Map<String, String>> rows() {
    String[][] data = {
        // year, sex, age, regDate, adult, type, citizenship, exploiterKnown, recruiterKnown
        {"2019", "F", "17 yrs", "3/4/2019", "N", "Sex; Labor", "MX", "1", "0"},
        {"2016", "woman", "about 30", "", "Y", "Labor", "FR", "0", "0"},
        {"2021", "m", "14/02/2001", "1/3/2021", "", "Other", "AU", "", "1"},
        {"1990", "NonSpecifiedUnknown", "Unknown", "", "maybe", "Not Specified", "Atlantis", "no", ""},
        {"2020", "X", "200", "", "", "Sex", "", "1", "1"},
        {"2022", "", "", "", "", "", "AQ", "", ""},
    };
    List<Map<String, String>> out = new ArrayList<>();
    String[] columns = {"year", "sex", "age", "regDate", "adult", "type", "citizenship", "exploiterKnown",
        "recruiterKnown"};
    for (int r = 0; r < data.length; r++) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("caseId", "c" + r);
      row.put("name", "someone");
      for (int c = 0; c < columns.length; c++) {
        row.put(columns[c], data[r][c]);
      }
      out.add(row);
    }
    return out;
  }

  @Test
  void issue16_aSpecBuiltInJavaEqualsTheSameSpecReadFromYamlForEveryRuleKind() {
    AlignmentSpec yaml = Specs.parse(YAML, "every-rule-kind.yaml");
    AlignmentSpec java = javaSpec();
    assertEquals(yaml.rules(), java.rules());
    assertEquals(yaml.name(), java.name());
    assertEquals(yaml.partner(), java.partner());
    assertEquals(yaml.description(), java.description());
    assertEquals(yaml.origin(), java.origin());
    assertEquals(yaml.conventions(), java.conventions());
    assertEquals(yaml.formats().dates(), java.formats().dates());
    assertEquals(yaml.formats().ageUnits(), java.formats().ageUnits());
    assertEquals(yaml.formats().approximate(), java.formats().approximate());
    assertEquals(yaml.identifierColumns(), java.identifierColumns());
    assertEquals(yaml.freeTextColumns(), java.freeTextColumns());
    assertEquals(yaml.notes(), java.notes());
    // every kind of rule is in the spec
    assertEquals(7, yaml.rules().stream().map(r -> r.getClass()).distinct().count());
  }

  @Test
  void issue16_theConventionsAndFormatsWithersChangeOneSettingEach() {
    SourceConventions d = SourceConventions.DEFAULTS;
    assertEquals(new SourceConventions(List.of("NA"), d.flagTrue(), d.flagFalse(), d.separators()), d.withMissing("NA"));
    assertEquals(new SourceConventions(d.missing(), List.of("J"), d.flagFalse(), d.separators()), d.withFlagTrue("J"));
    assertEquals(new SourceConventions(d.missing(), d.flagTrue(), List.of("N"), d.separators()), d.withFlagFalse("N"));
    assertEquals(new SourceConventions(d.missing(), d.flagTrue(), d.flagFalse(), List.of("/")), d.withSeparators("/"));
    assertThrows(IllegalArgumentException.class, () -> d.withFlagTrue("no"));
    assertThrows(IllegalArgumentException.class, () -> d.withSeparators(""));
    SourceFormats f = SourceFormats.DEFAULTS.withDates("d.M.yyyy").withAgeUnits("years").withApproximate("~");
    assertEquals(new SourceFormats(List.of("d.M.yyyy"), List.of("years"), List.of("~")), f);
    assertThrows(org.ctdc.core.normalize.InvalidValueException.class, () -> f.withDates("qq"));
  }

  @Test
  void issue16_aSpecBuiltInJavaAlignsExactlyLikeTheSameSpecReadFromYaml() {
    AlignmentResult fromYaml = Aligner.of(Specs.parse(YAML, "every-rule-kind.yaml")).align(rows(), "rows");
    AlignmentResult fromJava = Aligner.of(javaSpec()).align(rows(), "rows");
    assertEquals(fromYaml.report().toJson(), fromJava.report().toJson());
    assertEquals(csv(fromYaml), csv(fromJava));
    // the rows exercise the rules: some aligned, some rejected, some cells turned missing
    assertTrue(fromJava.report().rowsAligned() > 0 && fromJava.report().rowsRejected() > 0,
        fromJava.report().summary());
  }

  private static String csv(AlignmentResult r) {
    java.io.StringWriter w = new java.io.StringWriter();
    DatasetCsv.write(r.dataset(), w);
    return w.toString();
  }

  static Stream<String> bundledSpecs() {
    return Stream.of("hotline-to-kanon-2020", "case-management-to-kanon-2020", "kanon-2020-to-synthetic-2024",
        "kanon-2020-to-victim-perpetrator-2022");
  }

  /** The rule rebuilt with its kind's factory from its own settings. */
  static TargetRule rebuilt(TargetRule rule) {
    if (rule instanceof TargetRule.Constant c) {
      return TargetRule.constant(c.target(), c.value());
    } else if (rule instanceof TargetRule.NotCollected n) {
      return TargetRule.notCollected(n.target());
    } else if (rule instanceof TargetRule.Mapped m) {
      return TargetRule.mapped(m.target()).from(m.column()).normalize(m.normalizers().toArray(String[]::new))
          .map(m.map()).missing(m.missing().toArray(String[]::new)).onUnmapped(m.onUnmapped()).build();
    } else if (rule instanceof TargetRule.FlagWhen f) {
      return TargetRule.flagWhen(f.target()).from(f.column()).split(f.split()).when(f.when().toArray(String[]::new))
          .unknownWhen(f.unknownWhen().toArray(String[]::new)).otherValues(f.otherValues().toArray(String[]::new))
          .onUnmapped(f.onUnmapped()).build();
    } else if (rule instanceof TargetRule.AnyOf a) {
      return TargetRule.anyOf(a.target(), a.columns());
    } else if (rule instanceof TargetRule.Age a) {
      TargetRule.Age.Builder b = TargetRule.age(a.target()).maximum(a.maximum())
          .exactMayBeBirthDate(a.exactMayBeBirthDate()).majorityValues(a.majorityValues()).onUnmapped(a.onUnmapped());
      a.exact().ifPresent(b::exact);
      a.birthDate().ifPresent(b::birthDate);
      a.referenceDate().ifPresent(b::referenceDate);
      a.band().ifPresent(b::band);
      a.majorityColumn().ifPresent(b::majority);
      return b.build();
    } else {
      TargetRule.Derived d = (TargetRule.Derived) rule;
      return TargetRule.derived(d.target(), d.kind(), d.from());
    }
  }

  @ParameterizedTest
  @MethodSource("bundledSpecs")
  void issue16_everyRuleOfTheBundledSpecsIsWhatItsFactoryBuildsFromItsSettings(String name) {
    AlignmentSpec spec = Specs.load(name);
    for (TargetRule r : spec.rules()) {
      assertEquals(r, rebuilt(r), r.target());
    }
  }

  // ------------------------------------------------------------------------------------------------
  // each setter's check: the exception's type and the setting it names

  static Stream<Arguments> setterChecks() {
    return Stream.of(
        check("constant target blank", IllegalArgumentException.class, "target", () -> TargetRule.constant(" ", "1")),
        check("constant value null", NullPointerException.class, "value", () -> TargetRule.constant("t", null)),
        check("notCollected target blank", IllegalArgumentException.class, "target", () -> TargetRule.notCollected("")),
        check("mapped target blank", IllegalArgumentException.class, "target", () -> TargetRule.mapped("")),
        check("mapped target null", NullPointerException.class, "target", () -> TargetRule.mapped(null)),
        check("mapped from blank", IllegalArgumentException.class, "from", () -> TargetRule.mapped("t").from(" ")),
        check("mapped from twice", IllegalStateException.class, "from",
            () -> TargetRule.mapped("t").from("a").from("b")),
        check("mapped normalize unknown", IllegalArgumentException.class, "normalize",
            () -> TargetRule.mapped("t").normalize("fold", "nonsense")),
        check("mapped map key twice", IllegalStateException.class, "map",
            () -> TargetRule.mapped("t").map("F", "Female").map("F", "Male")),
        check("mapped map keys folded alike onto different codes", IllegalStateException.class, "map",
            () -> TargetRule.mapped("t").map("F", "Female").map(" f", "Male")),
        check("mapped map value null", NullPointerException.class, "map",
            () -> TargetRule.mapped("t").map("F", null)),
        check("mapped missing null", NullPointerException.class, "missing",
            () -> TargetRule.mapped("t").missing("x", null)),
        check("mapped onUnmapped twice", IllegalStateException.class, "onUnmapped",
            () -> TargetRule.mapped("t").onUnmapped(TargetRule.OnUnmapped.MISSING).onUnmapped(TargetRule.OnUnmapped.REJECT)),
        check("mapped onUnmapped null", NullPointerException.class, "onUnmapped",
            () -> TargetRule.mapped("t").onUnmapped(null)),
        check("mapped built without from", IllegalStateException.class, "from",
            () -> TargetRule.mapped("t").map("F", "Female").build()),
        check("flagWhen target blank", IllegalArgumentException.class, "target", () -> TargetRule.flagWhen(" ")),
        check("flagWhen from blank", IllegalArgumentException.class, "from", () -> TargetRule.flagWhen("t").from("")),
        check("flagWhen from twice", IllegalStateException.class, "from",
            () -> TargetRule.flagWhen("t").from("a").from("a")),
        check("flagWhen split twice", IllegalStateException.class, "split",
            () -> TargetRule.flagWhen("t").split(true).split(false)),
        check("flagWhen when empty", IllegalArgumentException.class, "when", () -> TargetRule.flagWhen("t").when()),
        check("flagWhen when null", NullPointerException.class, "value",
            () -> TargetRule.flagWhen("t").when("Sex", null)),
        check("flagWhen onUnmapped twice", IllegalStateException.class, "onUnmapped",
            () -> TargetRule.flagWhen("t").onUnmapped(TargetRule.OnUnmapped.REJECT).onUnmapped(TargetRule.OnUnmapped.REJECT)),
        check("flagWhen built without from", IllegalStateException.class, "from",
            () -> TargetRule.flagWhen("t").when("Sex").build()),
        check("flagWhen built without when", IllegalStateException.class, "when",
            () -> TargetRule.flagWhen("t").from("type").unknownWhen("Not Specified").build()),
        check("anyOf no column", IllegalArgumentException.class, "anyOf", () -> TargetRule.anyOf("t")),
        check("anyOf blank column", IllegalArgumentException.class, "anyOf[1]", () -> TargetRule.anyOf("t", "a", " ")),
        check("anyOf target blank", IllegalArgumentException.class, "target", () -> TargetRule.anyOf("", "a")),
        check("derived no source", IllegalArgumentException.class, "from",
            () -> TargetRule.derived("t", DerivationKind.ALL_OF)),
        check("derived blank source", IllegalArgumentException.class, "from[0]",
            () -> TargetRule.derived("t", DerivationKind.ANY_OF, "", "b")),
        check("derived kind null", NullPointerException.class, "kind", () -> TargetRule.derived("t", null, "a")),
        check("age target blank", IllegalArgumentException.class, "target", () -> TargetRule.age(" ")),
        check("age exact blank", IllegalArgumentException.class, "exact", () -> TargetRule.age("t").exact("")),
        check("age exact twice", IllegalStateException.class, "exact", () -> TargetRule.age("t").exact("a").exact("b")),
        check("age birthDate blank", IllegalArgumentException.class, "birthDate", () -> TargetRule.age("t").birthDate(" ")),
        check("age birthDate twice", IllegalStateException.class, "birthDate",
            () -> TargetRule.age("t").birthDate("a").birthDate("a")),
        check("age referenceDate blank", IllegalArgumentException.class, "referenceDate",
            () -> TargetRule.age("t").referenceDate("")),
        check("age referenceDate twice", IllegalStateException.class, "referenceDate",
            () -> TargetRule.age("t").referenceDate("a").referenceDate("b")),
        check("age band blank", IllegalArgumentException.class, "band", () -> TargetRule.age("t").band("")),
        check("age band twice", IllegalStateException.class, "band", () -> TargetRule.age("t").band("a").band("b")),
        check("age majority blank", IllegalArgumentException.class, "majority", () -> TargetRule.age("t").majority("")),
        check("age majority twice", IllegalStateException.class, "majority",
            () -> TargetRule.age("t").majority("a").majority("b")),
        check("age maximum 0", IllegalArgumentException.class, "maximum", () -> TargetRule.age("t").maximum(0)),
        check("age maximum twice", IllegalStateException.class, "maximum",
            () -> TargetRule.age("t").maximum(100).maximum(110)),
        check("age exactMayBeBirthDate twice", IllegalStateException.class, "exactMayBeBirthDate",
            () -> TargetRule.age("t").exactMayBeBirthDate(true).exactMayBeBirthDate(true)),
        check("age majorityValue not Adult or Minor", IllegalArgumentException.class, "majorityValues",
            () -> TargetRule.age("t").majorityValue("Y", "Grown-up")),
        check("age majorityValue key twice", IllegalStateException.class, "majorityValues",
            () -> TargetRule.age("t").majorityValue("Y", "Adult").majorityValue("Y", "Adult")),
        check("age majorityValue keys folded alike onto different statuses", IllegalStateException.class,
            "majorityValues", () -> TargetRule.age("t").majorityValue("Y", "Adult").majorityValue("y", "Minor")),
        check("age onUnmapped twice", IllegalStateException.class, "onUnmapped",
            () -> TargetRule.age("t").onUnmapped(TargetRule.OnUnmapped.MISSING).onUnmapped(TargetRule.OnUnmapped.MISSING)),
        check("age built without a column to read", IllegalStateException.class, "exact, birthDate",
            () -> TargetRule.age("t").majority("adult").build()),
        check("age built with birthDate but no referenceDate", IllegalStateException.class,
            "birthDate and referenceDate", () -> TargetRule.age("t").birthDate("dob").build()),
        check("age built with referenceDate but no birthDate", IllegalStateException.class,
            "birthDate and referenceDate", () -> TargetRule.age("t").exact("age").referenceDate("reg").build()),
        check("age built with exactMayBeBirthDate without referenceDate", IllegalStateException.class,
            "exactMayBeBirthDate", () -> TargetRule.age("t").exact("age").exactMayBeBirthDate(true).build()),
        check("age built with majorityValues without majority", IllegalStateException.class, "majorityValues",
            () -> TargetRule.age("t").band("b").majorityValue("Y", "Adult").build()),
        // the canonical constructors hold the same rules
        check("Age record maximum 0", IllegalArgumentException.class, "maximum",
            () -> new TargetRule.Age("t", Optional.of("a"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, false, Map.of(), TargetRule.OnUnmapped.REJECT)),
        check("Age record without a column", IllegalArgumentException.class, "exact, birthDate",
            () -> new TargetRule.Age("t", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 120, false, Map.of(), TargetRule.OnUnmapped.REJECT)),
        check("FlagWhen record without when", IllegalArgumentException.class, "when",
            () -> new TargetRule.FlagWhen("t", "c", false, List.of(), List.of(), List.of(), TargetRule.OnUnmapped.REJECT)),
        check("Mapped record keys folded alike", IllegalArgumentException.class, "map",
            () -> new TargetRule.Mapped("t", "c", List.of(), Map.of("F", "Female", "f", "Male"), List.of(),
                TargetRule.OnUnmapped.REJECT)),
        check("Mapped record unknown normaliser", IllegalArgumentException.class, "normalize[0]",
            () -> new TargetRule.Mapped("t", "c", List.of("nonsense"), Map.of(), List.of(), TargetRule.OnUnmapped.REJECT)),
        // the spec builder's own settings
        check("spec name blank", IllegalArgumentException.class, "name",
            () -> AlignmentSpec.builder(" ", Schemas.load("ctdc-victim-perpetrator", "2022"))),
        check("spec partner blank", IllegalArgumentException.class, "partner",
            () -> AlignmentSpec.builder("s", Schemas.load("ctdc-victim-perpetrator", "2022")).partner("")),
        check("spec origin blank", IllegalArgumentException.class, "origin",
            () -> AlignmentSpec.builder("s", Schemas.load("ctdc-victim-perpetrator", "2022")).origin(" ")),
        check("spec identifier column blank", IllegalArgumentException.class, "identifierColumns",
            () -> AlignmentSpec.builder("s", Schemas.load("ctdc-victim-perpetrator", "2022"))
                .identifierColumns(List.of("id", ""))),
        check("spec free-text column blank", IllegalArgumentException.class, "freeTextColumns",
            () -> AlignmentSpec.builder("s", Schemas.load("ctdc-victim-perpetrator", "2022"))
                .freeTextColumns(List.of(" "))),
        check("spec rule builder incomplete", IllegalStateException.class, "from",
            () -> AlignmentSpec.builder("s", Schemas.load("ctdc-victim-perpetrator", "2022"))
                .rule(TargetRule.mapped("gender"))));
  }

  /** One check of a setting: what is done, the exception it must throw and the setting its message names. */
  static Arguments check(String what, Class<? extends RuntimeException> type, String setting, Supplier<?> call) {
    return Arguments.of(what, type, setting, call);
  }

  /** Asserts a {@link #check}. */
  static void assertRefused(String what, Class<? extends RuntimeException> type, String setting, Supplier<?> call) {
    RuntimeException e = assertThrows(RuntimeException.class, call::get, what);
    assertInstanceOf(type, e, what + ": " + e);
    assertTrue(String.valueOf(e.getMessage()).contains(setting), what + ": " + e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setterChecks")
  void issue16_eachSettingIsCheckedWhenItIsSetAndTheMessageNamesIt(
      String what, Class<? extends RuntimeException> type, String setting, Supplier<?> call) {
    assertRefused(what, type, setting, call);
  }

  @Test
  void issue16_theMessagesOfTheChecksShowNoValueOfASettingBeyondANameCut() {
    String longKey = "F".repeat(200);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TargetRule.mapped("t").map(longKey, "Female").map(longKey.toLowerCase(java.util.Locale.ROOT), "Male"));
    assertTrue(e.getMessage().length() < 200, e.getMessage());
  }

  // ------------------------------------------------------------------------------------------------
  // the YAML reader meets the same checks, at the path of the setting

  private static String spec(String rule) {
    return """
        alignmentFormat: 1
        name: one-rule
        target: {schema: ctdc-victim-perpetrator, version: "2022"}
        rules:
          - %s
        """.formatted(rule);
  }

  private static AlignmentSpecException refused(String rule) {
    return assertThrows(AlignmentSpecException.class, () -> Specs.parse(spec(rule), "s.yaml"));
  }

  @Test
  void issue16_aYamlMapWhoseKeysFoldAlikeButMapOntoDifferentCodesIsRefusedAtTheKey() {
    // before issue 16 the reader kept both keys and which one won depended on hash order
    AlignmentSpecException e = refused("{target: gender, column: sex, map: {F: Female, f: Male}}");
    assertEquals("rules[0].map.f", e.path());
    assertTrue(e.rule().contains("different codes"), e.getMessage());
  }

  @Test
  void issue16_yamlMajorityValuesWhoseKeysFoldAlikeButDifferAreRefusedAtTheKey() {
    AlignmentSpecException e = refused(
        "{target: majorityStatus, age: {exact: age, majority: adult, majorityValues: {Y: Adult, y: Minor}}}");
    assertEquals("rules[0].age.majorityValues.y", e.path());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{target: gender, column: ' ', map: {F: Female}}|rules[0].column",
      "{target: gender, column: sex, normalize: [fold, nonsense]}|rules[0].normalize[1]",
      "{target: isForcedLabour, column: type, when: []}|rules[0].when",
      "{target: isForcedLabour, anyOf: []}|rules[0].anyOf",
      "{target: isForcedLabour, anyOf: [a, '']}|rules[0].anyOf",
      "{target: isForcedLabour, derive: allOf, from: []}|rules[0].from",
      "{target: majorityStatus, age: {exact: age, maximum: 0}}|rules[0].age.maximum",
      "{target: majorityStatus, age: {majority: adult}}|rules[0].age",
      "{target: majorityStatus, age: {exact: age, exactMayBeBirthDate: true}}|rules[0].age",
      "{target: majorityStatus, age: {exact: age, majority: adult, majorityValues: {Y: Grown}}}|rules[0].age.majorityValues.Y",
      "{target: majorityStatus, age: {exact: ''}}|rules[0].age.exact",
  })
  void issue16_theReaderReportsABuilderCheckAtThePathOfTheSetting(String caseAndPath) {
    String[] p = caseAndPath.split("\\|");
    assertEquals(p[1], refused(p[0]).path());
  }

  @Test
  void issue16_aBlankPartnerOrNameInYamlIsRefusedAtItsKey() {
    AlignmentSpecException e = assertThrows(AlignmentSpecException.class, () -> Specs.parse("""
        alignmentFormat: 1
        name: s
        partner: " "
        target: {schema: ctdc-victim-perpetrator, version: "2022"}
        rules: []
        """, "s.yaml"));
    assertEquals("partner", e.path());
  }
}
