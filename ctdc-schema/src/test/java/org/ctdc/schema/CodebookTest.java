package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodebookTest {

  private static final List<String> COLUMNS = List.of("variable", "label", "kind", "role", "multiValued",
      "valueSet", "code", "codeLabel", "codeDefinition", "definition", "notes");

  private static List<Map<String, String>> parse(String csv) throws Exception {
    MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv);
    return it.readAll();
  }

  private static int expectedRows(Schema s) {
    int n = 0;
    for (Variable v : s.variables()) {
      n += v.valueSet().map(ValueSet::size).orElse(1);
    }
    return n;
  }

  /** A schema whose texts hold commas, quotes, pipes, line breaks and backticks. */
  private static Schema awkward() {
    return Schema.builder("awkward", "1")
        .description("Line one,\nline \"two\".")
        .notes(List.of("A note | with a pipe."))
        .add(Variable.builder("rel", VariableKind.CATEGORICAL)
            .label("Relation, as \"told\"")
            .definition("First line.\nSecond | line.")
            .multiValued(true)
            .separator("; ")
            .notes(List.of("Collected from 2017.", "Polaris only"))
            .values(ValueSet.of(List.of(
                new Code("a|b", "A or B", "Either, \"really\".", List.of("a/b")),
                new Code("`tick`", "Backtick", "", List.of()))))
            .build())
        .add(Variable.builder("caseId", VariableKind.IDENTIFIER).build())
        .add(Variable.builder("year", VariableKind.YEAR).minimum(2002).maximum(2030).build())
        .build();
  }

  @Test
  void markdownHasTitleDescriptionSourcesAndReleaseFormat() {
    String md = Codebook.markdown(DiffExportFixtures.kanon2018());
    assertTrue(md.startsWith("# Codebook of ctdc-kanon-test@2018\n\nA k-anonymised-like schema for tests.\n"), md);
    assertTrue(md.contains("## Sources\n\n- CTDC data dictionary, 15 August 2018\n"));
    assertTrue(md.contains("| missing value (the first is written) | `\"-99\"`, `\"Unknown\"`, `\"\"` |"), md);
    assertTrue(md.contains("| flag not set | `\"0\"` |"));
  }

  @Test
  void markdownListsEveryVariableAndEveryCode() {
    for (Schema s : List.of(DiffExportFixtures.kanon2018(), DiffExportFixtures.victimPerpetrator(),
        DiffExportFixtures.synthetic2024())) {
      String md = Codebook.markdown(s);
      for (Variable v : s.variables()) {
        assertTrue(md.contains("### `" + v.name() + "`\n"), v.name());
        assertTrue(md.contains("- **Kind:** "), v.name());
        if (v.kind() != VariableKind.FLAG && v.valueSet().isPresent()) {
          for (Code c : v.values().codes()) {
            assertTrue(md.contains("| `" + c.code() + "` | " + c.label() + " |"), v.name() + " " + c.code());
          }
        }
      }
    }
  }

  @Test
  void sharedValueSetIsListedOnceAndReferredTo() {
    String md = Codebook.markdown(DiffExportFixtures.kanon2018());
    assertEquals(1, count(md, "| `FR` | France |"));
    assertEquals(2, count(md, "Codes: value set [`iso3166-alpha2`](#value-set-iso3166-alpha2) (10 codes)."));
    assertTrue(md.contains("<a id=\"value-set-iso3166-alpha2\"></a>\n\n### Value set `iso3166-alpha2`\n\n"
        + "10 codes, used by `citizenship`, `CountryOfExploitation`.\n"), md);
  }

  @Test
  void markdownShowsFlagTokensOfTheReleaseFormat() {
    String md = Codebook.markdown(DiffExportFixtures.victimPerpetrator());
    assertTrue(md.contains("| `\"1\"` | Yes |"), md);
    assertTrue(md.contains("| `\"\"` | No |"), md);
  }

  @Test
  void markdownKeepsTableCellsOnOneLineAndEscapesPipes() {
    String md = Codebook.markdown(awkward());
    assertTrue(md.contains("| `` `tick` `` | Backtick |"), md);
    assertTrue(md.contains("| `a\\|b` | A or B | Either, \"really\". | `a/b` |"), md);
    assertTrue(md.contains("- **Definition:** First line.<br>Second | line.\n"), md);
    assertTrue(md.contains("- **Multi-valued:** yes, codes joined by `\"; \"`\n"), md);
    assertTrue(md.contains("- **Range:** 2002 to 2030\n"), md);
    assertTrue(md.contains("  - Polaris only\n"), md);
    for (String line : md.split("\n")) {
      if (line.startsWith("|")) {
        assertTrue(line.endsWith("|"), line);
      }
    }
  }

  @Test
  void csvParsesBackWithOneRowPerCode() throws Exception {
    for (Schema s : List.of(DiffExportFixtures.kanon2018(), DiffExportFixtures.victimPerpetrator(), awkward())) {
      String csv = Codebook.csv(s);
      assertTrue(csv.startsWith(String.join(",", COLUMNS) + "\n"), csv);
      List<Map<String, String>> rows = parse(csv);
      assertEquals(expectedRows(s), rows.size(), s.id());
      assertEquals(COLUMNS, List.copyOf(rows.get(0).keySet()));
      List<String> seen = new ArrayList<>();
      for (Map<String, String> r : rows) {
        seen.add(r.get("variable") + "=" + r.get("code"));
      }
      ReleaseFormat f = s.format();
      for (Variable v : s.variables()) {
        if (v.kind() == VariableKind.FLAG) {
          assertTrue(seen.contains(v.name() + "=" + f.flagTrue()), v.name());
          assertTrue(seen.contains(v.name() + "=" + f.flagFalse()), v.name());
        } else if (v.valueSet().isPresent()) {
          for (Code c : v.values().codes()) {
            assertTrue(seen.contains(v.name() + "=" + c.code()), v.name() + " " + c.code());
          }
        } else {
          assertTrue(seen.contains(v.name() + "="), v.name());
        }
      }
    }
  }

  @Test
  void csvQuotesAwkwardTextAndReadsBackUnchanged() throws Exception {
    String csv = Codebook.csv(awkward());
    assertFalse(csv.contains("\r"));
    List<Map<String, String>> rows = parse(csv);
    Map<String, String> first = rows.get(0);
    assertEquals("rel", first.get("variable"));
    assertEquals("Relation, as \"told\"", first.get("label"));
    assertEquals("categorical", first.get("kind"));
    assertEquals("insensitive", first.get("role"));
    assertEquals("true", first.get("multiValued"));
    assertEquals("", first.get("valueSet"));
    assertEquals("a|b", first.get("code"));
    assertEquals("A or B", first.get("codeLabel"));
    assertEquals("Either, \"really\".", first.get("codeDefinition"));
    assertEquals("First line.\nSecond | line.", first.get("definition"));
    assertEquals("Collected from 2017.; Polaris only", first.get("notes"));
    assertEquals("`tick`", rows.get(1).get("code"));
    Map<String, String> id = rows.get(2);
    assertEquals("caseId", id.get("variable"));
    assertEquals("identifier", id.get("kind"));
    assertEquals("identifier", id.get("role"));
    assertEquals("", id.get("code"));
    assertTrue(csv.contains("\nyear,year,year,insensitive,false,,,,,,\n"), csv);
  }

  @Test
  void csvNamesSharedValueSetsAndFlagTokens() throws Exception {
    List<Map<String, String>> rows = parse(Codebook.csv(DiffExportFixtures.victimPerpetrator()));
    Map<String, String> region = rows.stream().filter(r -> r.get("variable").equals("UN_COO_Region")
        && r.get("code").equals("Americas/Oceania")).findFirst().orElseThrow();
    assertEquals("unRegionVp", region.get("valueSet"));
    assertEquals("Americas or Oceania", region.get("codeLabel"));
    assertEquals("country", region.get("kind"));
    List<Map<String, String>> flag = rows.stream().filter(r -> r.get("variable").equals("IP_Exploiter")).toList();
    assertEquals(2, flag.size());
    assertEquals("flag", flag.get(0).get("valueSet"));
    assertEquals("1", flag.get(0).get("code"));
    assertEquals("Yes", flag.get(0).get("codeLabel"));
    assertEquals("", flag.get(1).get("code"));
    assertEquals("No", flag.get(1).get("codeLabel"));
  }

  @Test
  void outputIsDeterministic() {
    assertEquals(Codebook.markdown(DiffExportFixtures.victimPerpetrator()),
        Codebook.markdown(DiffExportFixtures.victimPerpetrator()));
    assertEquals(Codebook.csv(DiffExportFixtures.victimPerpetrator()),
        Codebook.csv(DiffExportFixtures.victimPerpetrator()));
    String md = Codebook.markdown(awkward());
    assertFalse(md.contains("\r"));
    assertTrue(md.endsWith("- **Range:** 2002 to 2030\n- **Definition:** (none)\n"), md);
    assertFalse(md.endsWith("\n\n"));
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
