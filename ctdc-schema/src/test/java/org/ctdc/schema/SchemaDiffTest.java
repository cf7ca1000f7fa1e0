package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ctdc.schema.SchemaChange.KindChanged;
import org.ctdc.schema.SchemaChange.MultiValuedChanged;
import org.ctdc.schema.SchemaChange.ReleaseFormatChanged;
import org.ctdc.schema.SchemaChange.RoleChanged;
import org.ctdc.schema.SchemaChange.ValueSetChanged;
import org.ctdc.schema.SchemaChange.ValueSetRecoded;
import org.ctdc.schema.SchemaChange.VariableAdded;
import org.ctdc.schema.SchemaChange.VariableRemoved;
import org.ctdc.schema.SchemaChange.VariableRenamed;
import org.ctdc.schema.SchemaChange.VariablesMerged;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

  private static Schema schema(String version, Variable... variables) {
    return Schema.builder("diff-test", version).addAll(List.of(variables)).build();
  }

  private static Variable cat(String name, String... codes) {
    return Variable.builder(name, VariableKind.CATEGORICAL).values(codes).build();
  }

  @Test
  void diffOfASchemaWithItselfIsEmpty() {
    Schema s = DiffExportFixtures.kanon2018();
    SchemaDiff d = SchemaDiff.between(s, s);
    assertTrue(d.isEmpty());
    assertEquals("", d.toText());
    assertTrue(SchemaDiff.between(DiffExportFixtures.synthetic2024(), DiffExportFixtures.synthetic2024())
        .isEmpty());
  }

  @Test
  void kanon2018To2020AddsExactlyTheSlaveryFlag() {
    SchemaDiff d = SchemaDiff.between(DiffExportFixtures.kanon2018(), DiffExportFixtures.kanon2020());
    assertEquals(List.of(new VariableAdded("isSlaveryAndPractices", VariableKind.FLAG)), d.changes());
    assertEquals("+ added isSlaveryAndPractices (flag)\n", d.toText());
    assertFalse(d.isEmpty());
    assertEquals("ctdc-kanon-test@2018", d.older().id());
    assertEquals("ctdc-kanon-test@2020", d.newer().id());
  }

  @Test
  void addedVariableIsReportedWithItsKind() {
    SchemaDiff d = SchemaDiff.between(schema("1", cat("a", "x")), schema("2", cat("a", "x"),
        Variable.builder("n", VariableKind.COUNT).build()));
    assertEquals(List.of(new VariableAdded("n", VariableKind.COUNT)), d.changes());
    assertEquals("+ added n (count)\n", d.toText());
  }

  @Test
  void removedVariablesComeLastInTheOlderOrder() {
    SchemaDiff d = SchemaDiff.between(
        schema("1", cat("z", "x"), cat("a", "x"), cat("y", "x")),
        schema("2", cat("a", "x"), cat("b", "x")));
    assertEquals(List.of(new VariableAdded("b", VariableKind.CATEGORICAL), new VariableRemoved("z"),
        new VariableRemoved("y")), d.changes());
    assertEquals("+ added b (categorical)\n- removed z\n- removed y\n", d.toText());
  }

  @Test
  void variableMatchedThroughOnePreviousNameIsRenamed() {
    Variable renamed = Variable.builder("CountryOfExploitation", VariableKind.CATEGORICAL)
        .values("x").previousNames(List.of("CountryofExploitation")).build();
    SchemaDiff d = SchemaDiff.between(schema("1", cat("CountryofExploitation", "x")), schema("2", renamed));
    assertEquals(List.of(new VariableRenamed("CountryofExploitation", "CountryOfExploitation")), d.changes());
    assertEquals("~ renamed CountryofExploitation -> CountryOfExploitation\n", d.toText());
  }

  @Test
  void renamedVariableIsAlsoComparedWithItsOldSelf() {
    Variable renamed = Variable.builder("b", VariableKind.ORDERED_BAND)
        .values("x", "y").previousNames(List.of("a")).build();
    SchemaDiff d = SchemaDiff.between(schema("1", cat("a", "x")), schema("2", renamed));
    assertEquals(List.of(new VariableRenamed("a", "b"),
        new KindChanged("b", VariableKind.CATEGORICAL, VariableKind.ORDERED_BAND),
        new ValueSetChanged("b", List.of("y"), List.of(), List.of())), d.changes());
  }

  @Test
  void previousNameStillUsedInTheNewerSchemaIsNotARename() {
    Variable split = Variable.builder("genderDetail", VariableKind.CATEGORICAL)
        .values("x").previousNames(List.of("gender")).build();
    SchemaDiff d = SchemaDiff.between(schema("1", cat("gender", "x")), schema("2", cat("gender", "x"), split));
    assertEquals(List.of(new VariableAdded("genderDetail", VariableKind.CATEGORICAL)), d.changes());
  }

  @Test
  void variableWithSeveralPreviousNamesMergesThemAndTheyAreNotAlsoRemoved() {
    Schema older = schema("1", DiffExportFixtures.flag("t"), DiffExportFixtures.flag("u"),
        DiffExportFixtures.flag("v"), DiffExportFixtures.flag("w"));
    Schema newer = schema("2", DiffExportFixtures.flag("m", "t", "u", "nonexistent"),
        DiffExportFixtures.flag("w"));
    SchemaDiff d = SchemaDiff.between(older, newer);
    assertEquals(List.of(new VariablesMerged(List.of("t", "u"), "m"), new VariableRemoved("v")), d.changes());
    assertEquals("~ merged t, u -> m\n- removed v\n", d.toText());
  }

  @Test
  void kindRoleAndMultiValuedChangesAreReported() {
    Schema older = schema("1", cat("a", "x", "y"), cat("b", "x"),
        Variable.builder("c", VariableKind.CATEGORICAL).values("x", "y").build());
    Schema newer = schema("2",
        Variable.builder("a", VariableKind.ORDERED_BAND).values("x", "y").build(),
        Variable.builder("b", VariableKind.CATEGORICAL).values("x").role(Role.QUASI_IDENTIFIER).build(),
        Variable.builder("c", VariableKind.CATEGORICAL).values("x", "y").multiValued(true).build());
    SchemaDiff d = SchemaDiff.between(older, newer);
    assertEquals(List.of(
        new KindChanged("a", VariableKind.CATEGORICAL, VariableKind.ORDERED_BAND),
        new RoleChanged("b", Role.INSENSITIVE, Role.QUASI_IDENTIFIER),
        new MultiValuedChanged("c", false, true)), d.changes());
    assertEquals("~ kind of a: categorical -> orderedBand\n"
        + "~ role of b: insensitive -> quasiIdentifier\n"
        + "~ c: single-valued -> multi-valued\n", d.toText());
  }

  @Test
  void changeToAFlagIsAKindChangeOnly() {
    SchemaDiff d = SchemaDiff.between(schema("1", cat("a", "Yes", "No")),
        schema("2", Variable.builder("a", VariableKind.FLAG).build()));
    assertEquals(List.of(new KindChanged("a", VariableKind.CATEGORICAL, VariableKind.FLAG)), d.changes());
  }

  @Test
  void addedRemovedAndRelabelledCodesAreReported() {
    Variable older = Variable.builder("gender", VariableKind.CATEGORICAL).values(ValueSet.of(List.of(
        Code.of("Male"), Code.of("Female"), Code.of("Unknown"), Code.of("Transgender", "Transgender")))).build();
    Variable newer = Variable.builder("gender", VariableKind.CATEGORICAL).values(ValueSet.of(List.of(
        Code.of("Male"), Code.of("Female"), Code.of("Transgender", "Trans/Transgender/NonConforming"),
        Code.of("Other")))).build();
    SchemaDiff d = SchemaDiff.between(schema("1", older), schema("2", newer));
    assertEquals(List.of(new ValueSetChanged("gender", List.of("Other"), List.of("Unknown"),
        List.of("Transgender"))), d.changes());
    assertEquals("~ values of gender: added [Other]; removed [Unknown]; relabelled [Transgender]\n", d.toText());
  }

  @Test
  void definitionsLabelsAndNotesAreNotReported() {
    Variable older = Variable.builder("a", VariableKind.CATEGORICAL).values(ValueSet.of(List.of(
        new Code("x", "X", "old definition", List.of())))).label("A").definition("old").build();
    Variable newer = Variable.builder("a", VariableKind.CATEGORICAL).values(ValueSet.of(List.of(
        new Code("x", "X", "new definition", List.of("xx"))))).label("The A").definition("new")
        .note("Collected from 2017.").build();
    Schema o = schema("1", older);
    Schema n = o.toBuilder().description("changed").sources(List.of("elsewhere")).remove("a").add(newer).build();
    assertTrue(SchemaDiff.between(o, n).isEmpty());
  }

  @Test
  void alpha2ToAlpha3CountriesAreOneRecodingPerVariable() {
    Schema older = schema("1",
        Variable.builder("citizenship", VariableKind.COUNTRY).values(DiffExportFixtures.alpha2()).build());
    List<Code> alpha3 = new ArrayList<>(DiffExportFixtures.alpha3().codes());
    alpha3.remove(alpha3.size() - 1); // no KGZ
    alpha3.add(Code.of("SRB", "Serbia"));
    Schema newer = schema("2", Variable.builder("citizenship", VariableKind.COUNTRY)
        .values(ValueSet.named("iso3166-alpha3", alpha3)).build());
    SchemaDiff d = SchemaDiff.between(older, newer);
    assertEquals(List.of(new ValueSetRecoded("citizenship", "iso3166-alpha2", "iso3166-alpha3", 9,
        List.of("KG"), List.of("SRB"))), d.changes());
    assertEquals("~ recoded citizenship: value set iso3166-alpha2 -> iso3166-alpha3 (9 codes matched by label);"
        + " unmatched before [KG]; unmatched after [SRB]\n", d.toText());
  }

  @Test
  void fewCodesPairedByLabelAreAnOrdinaryValueSetChange() {
    Variable older = Variable.builder("a", VariableKind.CATEGORICAL).values(ValueSet.of(List.of(
        Code.of("A", "Alpha"), Code.of("B", "Beta"), Code.of("C", "Gamma")))).build();
    Variable newer = Variable.builder("a", VariableKind.CATEGORICAL).values(ValueSet.of(List.of(
        Code.of("AA", "Alpha"), Code.of("B", "Beta"), Code.of("D", "Delta")))).build();
    SchemaDiff d = SchemaDiff.between(schema("1", older), schema("2", newer));
    assertEquals(List.of(new ValueSetChanged("a", List.of("AA", "D"), List.of("A", "C"), List.of())),
        d.changes());
  }

  @Test
  void kanonToSyntheticReportsMergesRecodingsAndTheFormat() {
    SchemaDiff d = SchemaDiff.between(DiffExportFixtures.kanon2020(), DiffExportFixtures.synthetic2024());
    List<SchemaChange> expected = List.of(
        new ReleaseFormatChanged(List.of("missing [\"-99\", \"Unknown\", \"\"] -> [\"\"]",
            "flagFalse \"0\" -> \"\"")),
        new ValueSetChanged("gender", List.of("Man", "Woman", "Trans/Transgender/NonConforming"),
            List.of("Male", "Female", "Transgender/NonConforming"), List.of()),
        new ValueSetRecoded("citizenship", "iso3166-alpha2", "iso3166-alpha3", 10, List.of(), List.of()),
        new ValueSetRecoded("CountryOfExploitation", "iso3166-alpha2", "iso3166-alpha3", 10, List.of(),
            List.of()),
        new VariablesMerged(List.of("meansOfControlDebtBondage", "meansOfControlTakesEarnings"),
            "meansDebtBondageEarnings"),
        new VariablesMerged(List.of("meansOfControlThreats", "meansOfControlUsesChildren",
            "meansOfControlThreatOfLawEnforcement"), "meansThreats"),
        new VariableRenamed("meansOfControlFalsePromises", "meansFalsePromises"),
        new VariableRemoved("isSlaveryAndPractices"));
    assertEquals(expected, d.changes());
    String text = d.toText();
    assertTrue(text.contains("~ merged meansOfControlThreats, meansOfControlUsesChildren, "
        + "meansOfControlThreatOfLawEnforcement -> meansThreats\n"), text);
    assertTrue(text.contains("~ recoded citizenship: value set iso3166-alpha2 -> iso3166-alpha3 "
        + "(10 codes matched by label)\n"), text);
    assertTrue(text.startsWith("~ release format: missing [\"-99\", \"Unknown\", \"\"] -> [\"\"]; "
        + "flagFalse \"0\" -> \"\"\n"), text);
    assertEquals(expected.size(), text.lines().count());
  }

  @Test
  void jsonHasTheDocumentedLayoutAndEveryChange() throws Exception {
    SchemaDiff d = SchemaDiff.between(DiffExportFixtures.kanon2020(), DiffExportFixtures.synthetic2024());
    JsonNode root = new ObjectMapper().readTree(d.toJson());
    assertEquals(1, root.get("diffFormat").asInt());
    assertEquals("ctdc-kanon-test@2020", root.get("older").asText());
    assertEquals("ctdc-synthetic-test@2024", root.get("newer").asText());
    JsonNode changes = root.get("changes");
    assertEquals(d.changes().size(), changes.size());
    assertEquals("releaseFormatChanged", changes.get(0).get("type").asText());
    JsonNode recoded = changes.get(2);
    assertEquals("valueSetRecoded", recoded.get("type").asText());
    assertEquals("citizenship", recoded.get("variable").asText());
    assertEquals("iso3166-alpha3", recoded.get("toValueSet").asText());
    assertEquals(10, recoded.get("matched").asInt());
    JsonNode merged = changes.get(5);
    assertEquals("variablesMerged", merged.get("type").asText());
    assertEquals("meansThreats", merged.get("to").asText());
    assertEquals(3, merged.get("from").size());
    assertEquals("meansOfControlUsesChildren", merged.get("from").get(1).asText());
    assertEquals("variableRenamed", changes.get(6).get("type").asText());
    assertEquals("variableRemoved", changes.get(7).get("type").asText());
    for (JsonNode c : changes) {
      assertTrue(c.hasNonNull("type"), c.toString());
    }
    assertTrue(d.toJson().endsWith("}\n"));
    assertFalse(d.toJson().contains("\r"));
  }

  @Test
  void jsonOfAnAddedFlagNamesKindInSchemaFileWords() throws Exception {
    SchemaDiff d = SchemaDiff.between(DiffExportFixtures.kanon2018(), DiffExportFixtures.kanon2020());
    JsonNode c = new ObjectMapper().readTree(d.toJson()).get("changes").get(0);
    assertEquals("variableAdded", c.get("type").asText());
    assertEquals("isSlaveryAndPractices", c.get("name").asText());
    assertEquals("flag", c.get("kind").asText());
  }

  @Test
  void diffIsDeterministic() {
    SchemaDiff a = SchemaDiff.between(DiffExportFixtures.kanon2020(), DiffExportFixtures.synthetic2024());
    SchemaDiff b = SchemaDiff.between(DiffExportFixtures.kanon2020(), DiffExportFixtures.synthetic2024());
    assertEquals(a.changes(), b.changes());
    assertEquals(a.toText(), b.toText());
    assertEquals(a.toJson(), b.toJson());
  }

  @Test
  void randomSubsetsOfVariablesDifferExactlyByTheirAddedAndRemovedNames() {
    List<Variable> pool = DiffExportFixtures.kanon2020().variables();
    long all = (1L << pool.size()) - 1;
    qt().withExamples(300).forAll(longs().between(1, all), longs().between(1, all)).checkAssert((ma, mb) -> {
      Schema a = subset("a", pool, ma);
      Schema b = subset("b", pool, mb);
      assertTrue(SchemaDiff.between(a, a).isEmpty());
      SchemaDiff d = SchemaDiff.between(a, b);
      assertEquals(d.toJson(), SchemaDiff.between(a, b).toJson());
      Set<String> added = new HashSet<>();
      Set<String> removed = new HashSet<>();
      for (SchemaChange c : d.changes()) {
        if (c instanceof VariableAdded v) {
          added.add(v.name());
        } else if (c instanceof VariableRemoved v) {
          removed.add(v.name());
        } else {
          throw new AssertionError("unexpected " + c);
        }
      }
      for (int i = 0; i < pool.size(); i++) {
        boolean inA = (ma & (1L << i)) != 0;
        boolean inB = (mb & (1L << i)) != 0;
        String n = pool.get(i).name();
        assertEquals(inB && !inA, added.contains(n), n);
        assertEquals(inA && !inB, removed.contains(n), n);
      }
    });
  }

  private static Schema subset(String version, List<Variable> pool, long mask) {
    Schema.Builder b = Schema.builder("subset", version);
    for (int i = 0; i < pool.size(); i++) {
      if ((mask & (1L << i)) != 0) {
        b.add(pool.get(i));
      }
    }
    return b.build();
  }

  @Test
  void changeRecordsRejectInvalidComponents() {
    assertThrows(IllegalArgumentException.class, () -> new VariablesMerged(List.of("a"), "b"));
    assertThrows(IllegalArgumentException.class, () -> new ReleaseFormatChanged(List.of()));
    assertThrows(NullPointerException.class, () -> SchemaDiff.between(DiffExportFixtures.kanon2018(), null));
  }
}
