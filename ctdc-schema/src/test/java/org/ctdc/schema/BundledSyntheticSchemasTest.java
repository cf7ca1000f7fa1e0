package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads the bundled ctdc-global-synthetic 2024, ctdc-victim-perpetrator 2022 and htcds 2.0 schema files. */
class BundledSyntheticSchemasTest {

  private static Schema read(String file) {
    String resource = "/META-INF/ctdc/schemas/" + file;
    try (InputStream in = BundledSyntheticSchemasTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, resource);
      return SchemaFiles.readYaml(in, "bundled:" + file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "ctdc-global-synthetic-2024.yaml, ctdc-global-synthetic, 2024, 27",
    "ctdc-victim-perpetrator-2022.yaml, ctdc-victim-perpetrator, 2022, 16",
    "htcds-2.0.yaml, htcds, 2.0, 15"
  })
  void readsWithExpectedVariableCount(String file, String name, String version, int variables) {
    Schema s = read(file);
    assertEquals(name, s.name());
    assertEquals(version, s.version());
    assertEquals(variables, s.size());
    assertTrue(!s.sources().isEmpty(), "sources named");
  }

  @ParameterizedTest
  @CsvSource({"ctdc-global-synthetic-2024.yaml", "ctdc-victim-perpetrator-2022.yaml", "htcds-2.0.yaml"})
  void roundTripsThroughYamlAndJson(String file) {
    Schema s = read(file);
    assertEquals(s, SchemaFiles.fromYaml(SchemaFiles.toYaml(s), "again.yaml"));
    assertEquals(s, SchemaFiles.fromJson(SchemaFiles.toJson(s), "again.json"));
  }

  @Test
  void globalSyntheticCountriesAgesAndMergedMeans() {
    Schema s = read("ctdc-global-synthetic-2024.yaml");
    assertEquals(ReleaseFormat.CTDC_SYNTHETIC, s.format());
    ValueSet iso3 = s.variable("citizenship").orElseThrow().values();
    assertEquals("iso3166-alpha3", iso3.name());
    assertEquals(242, iso3.size());
    assertEquals(iso3, s.variable("CountryOfExploitation").orElseThrow().values());
    assertEquals("Serbia", iso3.find("SRB").orElseThrow().label());
    ValueSet age = s.variable("ageBroad").orElseThrow().values();
    assertEquals("9--17", age.find("09--17").orElseThrow().code());
    assertEquals(1, age.indexOf("9--17"));
    assertEquals(
        List.of("meansOfControlThreats", "meansOfControlUsesChildren", "meansOfControlThreatOfLawEnforcement"),
        s.variable("meansThreats").orElseThrow().previousNames());
    assertEquals(4, s.variable("meansDenyBasicNeeds").orElseThrow().previousNames().size());
    assertTrue(s.variable("isForcedLabour").orElseThrow().previousNames().isEmpty());
    assertEquals(VariableKind.ORDERED_BAND, s.variable("traffickMonths").orElseThrow().kind());
  }

  @Test
  void victimPerpetratorMatchesThePublishedHeaderAndCodes() {
    Schema s = read("ctdc-victim-perpetrator-2022.yaml");
    String header =
        "yearRegister,gender,majorityStatus,isForcedLabour,isSexualExploit,UN_COO_Region,UN_COE_Region,"
            + "IP_Exploiter,IP_Gender,IP_ageBroad,IP_citizen_UNRegion,IP_Relation,IP_PayMoney,"
            + "IP_RecruiterBroker,IP_TransactionProcess,IP_ControlAbuseKidnap";
    assertEquals(List.of(header.split(",")), s.variables().stream().map(Variable::name).toList());
    Variable pay = s.variable("IP_PayMoney").orElseThrow();
    assertTrue(pay.isMultiValued());
    assertEquals(List.of("No", "Yes"), pay.values().codes().stream().map(Code::code).toList());
    Variable age = s.variable("IP_ageBroad").orElseThrow();
    assertEquals(VariableKind.ORDERED_BAND, age.kind());
    assertTrue(age.isMultiValued());
    assertEquals(
        s.variable("UN_COO_Region").orElseThrow().values(), s.variable("IP_citizen_UNRegion").orElseThrow().values());
    assertEquals(VariableKind.FLAG, s.variable("IP_RecruiterBroker").orElseThrow().kind());
  }

  @Test
  void htcdsPicklists() {
    Schema s = read("htcds-2.0.yaml");
    assertEquals("true", s.format().flagTrue());
    assertEquals(6, s.variable("prs_Gender").orElseThrow().values().size());
    assertEquals(16, s.variable("vic_MethodsOfControl").orElseThrow().values().size());
    assertEquals(11, s.variable("vic_TypeOfExploitation").orElseThrow().values().size());
    assertEquals(21, s.variable("vic_ForcedLabourIndustry").orElseThrow().values().size());
    assertEquals(4, s.variable("vic_TypeOfSexExploitation").orElseThrow().values().size());
    ValueSet rel = s.variable("vic_RelationshipToTrafficker").orElseThrow().values();
    assertEquals("Unaquainted", rel.find("Unacquainted").orElseThrow().code());
    assertEquals(Role.IDENTIFIER, s.variable("prs_FirstName").orElseThrow().role());
  }
}
