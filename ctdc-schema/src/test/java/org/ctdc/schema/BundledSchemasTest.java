package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.ctdc.schema.SchemaChange.ValueSetRecoded;
import org.ctdc.schema.SchemaChange.VariableAdded;
import org.ctdc.schema.SchemaChange.VariablesMerged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled schemas, through the registry: the done-when checks of the foundation issue. */
class BundledSchemasTest {

  static Stream<Schema> bundled() {
    return Schemas.all().stream();
  }

  @Test
  void registryListsTheFiveBundledSchemasInOrder() {
    assertEquals(
        List.of(
            "ctdc-global-kanon@2018",
            "ctdc-global-kanon@2020",
            "ctdc-global-synthetic@2024",
            "ctdc-victim-perpetrator@2022",
            "htcds@2.0"),
        Schemas.list().stream().map(SchemaRef::id).toList());
    assertEquals(List.of(62, 63, 27, 16), Schemas.list().stream().limit(4).map(SchemaRef::variables).toList());
    assertSame(Schemas.load("ctdc-global-kanon", "2020"), Schemas.load("ctdc-global-kanon"), "bare name = newest");
    assertSame(Schemas.load("htcds", "2.0"), Schemas.resolve("htcds@2.0"));
  }

  @Test
  void unknownNamesAreClearErrors() {
    UnknownSchemaException e = assertThrows(UnknownSchemaException.class, () -> Schemas.load("ctdc-nope"));
    assertTrue(e.getMessage().contains("ctdc-global-kanon@2018"), "lists what is bundled");
    assertThrows(UnknownSchemaException.class, () -> Schemas.load("ctdc-global-kanon", "1999"));
  }

  @Test
  void aTypedNameIsRepeatedWholeUpTo64CharactersAndCutBeyond() {
    String at = "n".repeat(Schemas.MAX_SHOWN);
    assertTrue(assertThrows(UnknownSchemaException.class, () -> Schemas.resolve(at)).getMessage()
        .startsWith("no bundled schema named '" + at + "'; bundled: "));
    String over = "n".repeat(100_000);
    String message = assertThrows(UnknownSchemaException.class, () -> Schemas.resolve(over)).getMessage();
    assertTrue(message.startsWith("no bundled schema named '" + "n".repeat(60) + "...(100000 chars)'; bundled: "),
        message.substring(0, 100));
    String version = assertThrows(UnknownSchemaException.class, () -> Schemas.resolve("ctdc-global-kanon@" + over))
        .getMessage();
    assertTrue(version.startsWith("no bundled schema ctdc-global-kanon@" + "n".repeat(60) + "...(100000 chars); "),
        version.substring(0, 100));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundled")
  void yamlAndJsonRoundTripsAreIdentities(Schema s) {
    assertEquals(s, SchemaFiles.fromYaml(SchemaFiles.toYaml(s), "y"));
    assertEquals(s, SchemaFiles.fromJson(SchemaFiles.toJson(s), "j"));
    assertEquals(SchemaFiles.toYaml(s), SchemaFiles.toYaml(SchemaFiles.fromYaml(SchemaFiles.toYaml(s), "y")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundled")
  void everyBundledSchemaNamesItsSourcesAndDefinesItsVariables(Schema s) {
    assertFalse(s.sources().isEmpty());
    assertFalse(s.description().isBlank());
    for (Variable v : s.variables()) {
      assertFalse(v.definition().isBlank(), s.id() + " " + v.name() + " has no definition");
    }
    String md = Codebook.markdown(s);
    String csv = Codebook.csv(s);
    for (Variable v : s.variables()) {
      assertTrue(md.contains(v.name()) && csv.contains(v.name()), v.name());
    }
  }

  @Test
  void kanon2018To2020AddsExactlyOneVariable() {
    SchemaDiff d = SchemaDiff.between(Schemas.load("ctdc-global-kanon", "2018"), Schemas.load("ctdc-global-kanon", "2020"));
    assertEquals(List.of(new VariableAdded("isSlaveryAndPractices", VariableKind.FLAG)), d.changes());
  }

  @Test
  void kanon2020ToSynthetic2024ReportsMergedMeansOfControlAndAlpha3Countries() {
    SchemaDiff d =
        SchemaDiff.between(Schemas.load("ctdc-global-kanon", "2020"), Schemas.load("ctdc-global-synthetic", "2024"));
    List<VariablesMerged> merges =
        d.changes().stream().filter(VariablesMerged.class::isInstance).map(VariablesMerged.class::cast).toList();
    assertEquals(
        List.of("meansDebtBondageEarnings", "meansThreats", "meansAbusePsyPhySex", "meansDenyBasicNeeds"),
        merges.stream().map(VariablesMerged::to).toList());
    assertEquals(
        List.of("meansOfControlThreats", "meansOfControlUsesChildren", "meansOfControlThreatOfLawEnforcement"),
        merges.get(1).from());
    List<ValueSetRecoded> recoded =
        d.changes().stream().filter(ValueSetRecoded.class::isInstance).map(ValueSetRecoded.class::cast).toList();
    assertEquals(List.of("citizenship", "CountryOfExploitation"), recoded.stream().map(ValueSetRecoded::variable).toList());
    for (ValueSetRecoded r : recoded) {
      assertEquals("iso3166-alpha2", r.fromValueSet());
      assertEquals("iso3166-alpha3", r.toValueSet());
      assertTrue(r.matched() > 200, "most countries pair up by name: " + r.matched());
    }
    assertTrue(d.toText().contains("iso3166-alpha2 -> iso3166-alpha3"));
  }

  private static String realRelease() throws Exception {
    try (InputStream in = BundledSchemasTest.class.getResourceAsStream("/fixtures/ctdc/CTDC_VPsynthetic_condensed.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theRealVictimPerpetratorReleaseValidatesWithZeroErrors() throws Exception {
    try (InputStream in = BundledSchemasTest.class.getResourceAsStream("/fixtures/ctdc/CTDC_VPsynthetic_condensed.csv")) {
      ValidationReport r =
          DatasetCsv.validate(
              new InputStreamReader(in, StandardCharsets.UTF_8),
              "CTDC_VPsynthetic_condensed.csv",
              Schemas.load("ctdc-victim-perpetrator", "2022"),
              DatasetCsv.CsvOptions.defaults());
      assertEquals(21_195, r.rowsRead());
      assertEquals(0, r.errorCount(), String.join("\n", r.lines()));
    }
  }

  @Test
  void injectedFaultsAreEachReportedAtTheirRowAndColumn() throws Exception {
    List<String> lines = new ArrayList<>(realRelease().lines().toList());
    // data row N is line N (the header is line 0)
    lines.set(3, lines.get(3).replaceFirst("^[^,]*,[^,]*,", "2019,Woman,"));
    lines.set(100, lines.get(100).replaceFirst("^([^,]*),", "2023,"));
    String[] f = lines.get(2000).split(",", -1);
    f[12] = "No;Maybe";
    lines.set(2000, String.join(",", f));
    String[] g = lines.get(20000).split(",", -1);
    g[3] = "2";
    lines.set(20000, String.join(",", g));
    ValidationReport r =
        DatasetCsv.validate(
            new StringReader(String.join("\n", lines)),
            "faulty.csv",
            Schemas.load("ctdc-victim-perpetrator", "2022"),
            DatasetCsv.CsvOptions.defaults());
    assertEquals(21_195, r.rowsRead());
    assertEquals(4, r.invalidRows());
    assertEquals(
        List.of("3:gender", "100:yearRegister", "2000:IP_PayMoney", "20000:isForcedLabour"),
        r.errors().stream().map(e -> e.row() + ":" + e.column()).toList());
    assertFalse(String.join("\n", r.lines()).contains("Maybe"), "no record value in the report");
  }

  @Test
  void bundledSchemasAreSafeToUseFromManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        Schema s = Schemas.all().get(i % Schemas.all().size());
        results.add(pool.submit(() -> SchemaFiles.toJson(s) + JsonSchemaExport.jsonSchema(s) + Codebook.csv(s)));
      }
      for (int i = 0; i < results.size(); i++) {
        Schema s = Schemas.all().get(i % Schemas.all().size());
        assertEquals(SchemaFiles.toJson(s) + JsonSchemaExport.jsonSchema(s) + Codebook.csv(s), results.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
