package org.ctdc.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFoldTest {
  @ParameterizedTest(name = "fold({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "Côte d’Ivoire|COTE D'IVOIRE",
      "COTE D'IVOIRE|COTE D'IVOIRE",
      "Case management|CASE MANAGEMENT",
      "0—8|0--8",
      "0 – 8|0--8",
      "Guinea–Bissau|GUINEA-BISSAU",
      "São Tomé and Príncipe|SAO TOME AND PRINCIPE",
      "Curaçao|CURACAO",
      "Straße|STRASSE",
      "Øresund Łódź|ORESUND LODZ",
      "Réunion\u00A0island|REUNION ISLAND",
      "zero\u200Bwidth|ZEROWIDTH",
      "Türkiye|TURKIYE",
  })
  void foldsTheDocumentedExamples(String in, String out) {
    assertEquals(out, TextFold.fold(in));
  }

  @Test
  void whitespaceAndQuotesAreNormalised() {
    assertEquals("CASE MANAGEMENT", TextFold.fold("  Case \t Management \n"));
    assertEquals("\"QUOTED\" 'Q'", TextFold.fold("\u201Cquoted\u201D \u2018q\u2019"));
    assertEquals("", TextFold.fold(" \t "));
  }

  @Test
  void spellingsOfOneLabelFoldEqual() {
    assertEquals(TextFold.fold("Côte d’Ivoire"), TextFold.fold("COTE D'IVOIRE"));
    assertEquals(TextFold.fold("Case management"), TextFold.fold("Case Management"));
    assertNotEquals(TextFold.fold("Niger"), TextFold.fold("Nigeria"));
  }

  @ParameterizedTest(name = "band({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "0—8|0--8",
      "09--17|9--17",
      "18-20|18--20",
      "48 +|48+",
      "48+|48+",
      "18 to 20|18--20",
      "0--8|0--8",
      "00|0",
      "9 – 17|9--17",
      "2005-2013|2005--2013",
  })
  void bandsTakeCtdcsCanonicalSpelling(String in, String out) {
    assertEquals(out, TextFold.band(in));
  }

  @Test
  void foldIsIdempotent() {
    qt().forAll(strings().betweenCodePoints(0, 0x33FF).ofLengthBetween(0, 24))
        .checkAssert(s -> assertEquals(TextFold.fold(s), TextFold.fold(TextFold.fold(s))));
  }

  @Test
  void foldHasNoOuterOrDoubleSpacesAndNoLowerCaseAscii() {
    qt().forAll(strings().betweenCodePoints(0, 0x2FFF).ofLengthBetween(0, 24))
        .checkAssert(s -> {
          String f = TextFold.fold(s);
          assertEquals(f.strip(), f);
          assertEquals(-1, f.indexOf("  "));
          assertEquals(f, f.toUpperCase(java.util.Locale.ROOT));
        });
  }

  @Test
  void bandIsIdempotent() {
    qt().forAll(strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 16))
        .checkAssert(s -> assertEquals(TextFold.band(s), TextFold.band(TextFold.band(s))));
  }
}
