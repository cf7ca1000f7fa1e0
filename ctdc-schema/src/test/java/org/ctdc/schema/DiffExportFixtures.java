package org.ctdc.schema;

import java.util.ArrayList;
import java.util.List;

/** Small CTDC-like schemas built in code for the diff and export tests. */
final class DiffExportFixtures {

  private DiffExportFixtures() {}

  static final String[][] COUNTRIES = {
    {"FR", "FRA", "France"},
    {"DE", "DEU", "Germany"},
    {"IT", "ITA", "Italy"},
    {"ES", "ESP", "Spain"},
    {"UA", "UKR", "Ukraine"},
    {"MD", "MDA", "Moldova"},
    {"US", "USA", "United States"},
    {"MX", "MEX", "Mexico"},
    {"PH", "PHL", "Philippines"},
    {"KG", "KGZ", "Kyrgyzstan"},
  };

  static ValueSet alpha2() {
    List<Code> codes = new ArrayList<>();
    for (String[] c : COUNTRIES) {
      codes.add(Code.of(c[0], c[2]));
    }
    return ValueSet.named("iso3166-alpha2", codes);
  }

  static ValueSet alpha3() {
    List<Code> codes = new ArrayList<>();
    for (String[] c : COUNTRIES) {
      codes.add(Code.of(c[1], c[2]));
    }
    return ValueSet.named("iso3166-alpha3", codes);
  }

  static Variable flag(String name, String... previousNames) {
    return Variable.builder(name, VariableKind.FLAG)
        .role(Role.SENSITIVE)
        .previousNames(List.of(previousNames))
        .build();
  }

  /** A k-anonymised-global-dataset-like schema (a few of its 62 variables). */
  static Schema kanon2018() {
    return Schema.builder("ctdc-kanon-test", "2018")
        .description("A k-anonymised-like schema for tests.")
        .sources(List.of("CTDC data dictionary, 15 August 2018"))
        .format(ReleaseFormat.CTDC_KANON)
        .add(Variable.builder("yearOfRegistration", VariableKind.YEAR).minimum(2002).build())
        .add(Variable.builder("Datasource", VariableKind.CATEGORICAL)
            .values(ValueSet.of(List.of(
                new Code("Case Management", "Case management", "", List.of("Case management")),
                Code.of("Hotline"))))
            .build())
        .add(Variable.builder("gender", VariableKind.CATEGORICAL)
            .role(Role.QUASI_IDENTIFIER)
            .values("Male", "Female", "Transgender/NonConforming")
            .build())
        .add(Variable.builder("ageBroad", VariableKind.ORDERED_BAND)
            .role(Role.QUASI_IDENTIFIER)
            .values("0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+")
            .build())
        .add(Variable.builder("citizenship", VariableKind.COUNTRY)
            .role(Role.QUASI_IDENTIFIER).values(alpha2()).build())
        .add(Variable.builder("CountryOfExploitation", VariableKind.COUNTRY).values(alpha2()).build())
        .add(flag("meansOfControlDebtBondage"))
        .add(flag("meansOfControlTakesEarnings"))
        .add(flag("meansOfControlThreats"))
        .add(flag("meansOfControlFalsePromises"))
        .add(flag("meansOfControlUsesChildren"))
        .add(flag("meansOfControlThreatOfLawEnforcement"))
        .add(flag("isForcedLabour"))
        .add(flag("isSexualExploit"))
        .build();
  }

  /** The 2018 schema plus {@code isSlaveryAndPractices}, as in 2020. */
  static Schema kanon2020() {
    return Schema.builder("ctdc-kanon-test", "2020")
        .description("A k-anonymised-like schema for tests.")
        .sources(List.of("CTDC data dictionary, 15 August 2018"))
        .format(ReleaseFormat.CTDC_KANON)
        .addAll(kanon2018().variables())
        .add(flag("isSlaveryAndPractices"))
        .build();
  }

  /** A global-synthetic-v2024-like schema: merged means of control, alpha-3 countries, new gender codes. */
  static Schema synthetic2024() {
    return Schema.builder("ctdc-synthetic-test", "2024")
        .description("A synthetic-like schema for tests.")
        .format(ReleaseFormat.CTDC_SYNTHETIC)
        .add(Variable.builder("yearOfRegistration", VariableKind.YEAR).minimum(2002).build())
        .add(Variable.builder("Datasource", VariableKind.CATEGORICAL)
            .values(ValueSet.of(List.of(
                new Code("Case Management", "Case management", "", List.of("Case management")),
                Code.of("Hotline"))))
            .build())
        .add(Variable.builder("gender", VariableKind.CATEGORICAL)
            .role(Role.QUASI_IDENTIFIER)
            .values("Man", "Woman", "Trans/Transgender/NonConforming")
            .build())
        .add(Variable.builder("ageBroad", VariableKind.ORDERED_BAND)
            .role(Role.QUASI_IDENTIFIER)
            .values("0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+")
            .build())
        .add(Variable.builder("citizenship", VariableKind.COUNTRY)
            .role(Role.QUASI_IDENTIFIER).values(alpha3()).build())
        .add(Variable.builder("CountryOfExploitation", VariableKind.COUNTRY).values(alpha3()).build())
        .add(flag("meansDebtBondageEarnings", "meansOfControlDebtBondage", "meansOfControlTakesEarnings"))
        .add(flag("meansThreats",
            "meansOfControlThreats", "meansOfControlUsesChildren", "meansOfControlThreatOfLawEnforcement"))
        .add(flag("meansFalsePromises", "meansOfControlFalsePromises"))
        .add(flag("isForcedLabour"))
        .add(flag("isSexualExploit"))
        .build();
  }

  /** The Victim-Perpetrator synthetic schema (December 2022), 16 variables, as in the real file's header. */
  static Schema victimPerpetrator() {
    return Schemas.load("ctdc-victim-perpetrator", "2022");
  }
}
