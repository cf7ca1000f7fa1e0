package org.ctdc.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.ctdc.core.Aligner;
import org.ctdc.core.AlignmentMode;
import org.ctdc.core.AlignmentReport;
import org.ctdc.core.AlignmentSpecException;
import org.ctdc.core.Specs;
import org.ctdc.core.internal.Inputs;
import org.ctdc.core.normalize.CountryResolver;
import org.ctdc.core.normalize.MatchKind;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.samples.PartnerSamples.Profile;
import org.ctdc.schema.DataFormatException;
import org.junit.jupiter.api.Test;

/** What fuzzing the Aligner's inputs and the spec reader found, one behaviour per test. */
class FuzzFindingsTest {

  private static final Aligner HOTLINE = Aligner.of(Specs.load(Specs.HOTLINE_TO_KANON));
  private static final String HEADER = String.join(",", PartnerSamples.header(Profile.HOTLINE));

  private static String row(String citizenship) {
    return "H-1,2015,Male,30-38," + citizenship + ",United States,Labor,Unknown,Other,Other\n";
  }

  @Test
  void aCountryTokenLongerThanAnyCountryNameIsUnmatchedWithoutFuzzyMatching() {
    CountryResolver r = CountryResolver.standard();
    assertEquals(MatchKind.NAME, r.resolve("France").kind());
    String huge = "France ".repeat(10_000);
    assertEquals(MatchKind.UNMATCHED, r.resolve(huge).kind());
    assertTrue(r.resolve(huge).suggestions().isEmpty(), "no suggestions computed for an over-long token");
  }

  @Test
  void aHugeCitizenshipFieldIsRejectedAsUnmappedNotMatchedAgainstEveryName() {
    AlignmentReport rep =
        HOTLINE.alignCsv(new StringReader(HEADER + "\n" + row("P".repeat(70_000)) + row("Mexico")), "p.csv")
            .report();
    assertEquals(2, rep.rowsRead());
    assertEquals(rep.rowsRead(), rep.rowsAligned() + rep.rowsRejected());
    assertEquals(1, rep.rowsRejected());
  }

  @Test
  void aPartnerCsvFieldOverTheLengthLimitRejectsTheFileNamingTheRow() {
    String csv = HEADER + "\n" + row("Mexico") + row("x".repeat(Inputs.MAX_FIELD_LENGTH + 1));
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> HOTLINE.alignCsv(new StringReader(csv), "big.csv"));
    assertEquals("big.csv: row 2: field 5 (column 'Citizenship'): a field is longer than 1048576 characters (limit); reading stopped "
        + "there: 1 row read before it (1 aligned, 0 rejected), row 2 and the rest of the file not read", e.getMessage());
  }

  @Test
  void aJsonLinesFieldOverTheLengthLimitRejectsTheFileNamingTheRow() {
    String jsonl = "{\"CaseID\":\"a\"}\n\n{\"Citizenship\":\"" + "x".repeat(Inputs.MAX_FIELD_LENGTH + 1) + "\"}\n";
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> HOTLINE.alignJsonLines(new StringReader(jsonl), "big.jsonl"));
    assertEquals("big.jsonl: row 2: a field is longer than 1048576 characters (limit); reading stopped "
        + "there: 1 row read before it (1 aligned, 0 rejected), row 2 and the rest of the file not read", e.getMessage());
  }

  @Test
  void jsonLinesAcceptsLfCrlfAndCrLineEnds() {
    String jsonl = "{\"CaseID\":\"a\"}\r\n{\"CaseID\":\"b\"}\r{\"CaseID\":\"c\"}\n{\"CaseID\":\"d\"}";
    AlignmentReport rep = HOTLINE.alignJsonLines(new StringReader(jsonl), "ends.jsonl").report();
    assertEquals(4, rep.rowsRead());
  }

  @Test
  void invalidUtf8InJsonLinesIsReportedAsSuchWithTheRowReached() {
    // decoded as a file is (strict and lazy): the row is the one with the bad byte (issue 14)
    java.io.Reader in = org.ctdc.schema.internal.Utf8Input.of(new java.io.ByteArrayInputStream(
        new byte[] {'{', '}', '\n', '{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}', '\n'}));
    DataFormatException e = assertThrows(DataFormatException.class, () -> HOTLINE.alignJsonLines(in, "u.jsonl"));
    assertEquals("u.jsonl: row 2: the file is not valid UTF-8 (byte 9); reading stopped there: 1 row read before "
        + "it (0 aligned, 1 rejected), row 2 and the rest of the file not read", e.getMessage());
  }

  @Test
  void aDuplicateHeaderNameIsReportedByPositionNotByValue() {
    // a file without its header row has a record here: its values must not reach the message
    String csv = HEADER + ",Jane Roe,Jane Roe\n";
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> HOTLINE.alignCsv(new StringReader(csv), "dup.csv"));
    assertEquals("dup.csv: header: columns 11 and 12 have the same name", e.getMessage());
  }

  @Test
  void strictModeAlignsTheRowsBeforeTheFirstRejectAndStops() {
    String csv = HEADER + "\n" + row("Mexico") + row("Atlantis") + row("Peru");
    AlignmentReport rep = Aligner.builder(Specs.load(Specs.HOTLINE_TO_KANON)).mode(AlignmentMode.STRICT).build()
        .alignCsv(new StringReader(csv), "s.csv").report();
    assertEquals(2, rep.rowsRead());
    assertEquals(1, rep.rowsAligned());
    assertTrue(rep.stoppedEarly());
  }

  @Test
  void aDuplicateKeyInASpecIsAnErrorNotASilentOverride() {
    String yaml = "alignmentFormat: 1\nname: d\nname: e\ntarget: {schema: ctdc-global-kanon}\nrules: []\n";
    AlignmentSpecException e = assertThrows(AlignmentSpecException.class, () -> Specs.parse(yaml, "d.yaml"));
    assertEquals("d.yaml: line 3: the key 'name' appears twice in one mapping", e.getMessage());
    assertNull(e.getCause(), "the parser's exception, which may quote the file, is not kept");
  }

  @Test
  void aSpecNestedDeeperThanTheLimitIsRejectedWithTheLimitNamed() {
    String yaml = "alignmentFormat: 1\nnotes: " + "[".repeat(40) + "]".repeat(40) + "\n";
    AlignmentSpecException e = assertThrows(AlignmentSpecException.class, () -> Specs.parse(yaml, "n.yaml"));
    assertTrue(e.getMessage().startsWith("n.yaml: ")
        && e.getMessage().contains("over a reading limit (nesting deeper than 32"), e::getMessage);
    assertNull(e.getCause());
  }

  @Test
  void aMalformedSpecErrorDoesNotQuoteTheFile() {
    String yaml = "alignmentFormat: 1\nname: [Jane Roe secret value\n";
    AlignmentSpecException e = assertThrows(AlignmentSpecException.class, () -> Specs.parse(yaml, "m.yaml"));
    assertFalse(e.getMessage().contains("Jane"), e::getMessage);
    assertNull(e.getCause());
  }

  @Test
  void aLongUnknownKeyIsShownCutInTheErrorPath() {
    String key = "k".repeat(300);
    String yaml = "alignmentFormat: 1\n" + key + ": 1\n";
    AlignmentSpecException e = assertThrows(AlignmentSpecException.class, () -> Specs.parse(yaml, "k.yaml"));
    assertEquals("", e.path());
    assertTrue(e.rule().startsWith("unknown key '" + "k".repeat(20) + "...(300 chars)' (known: "), e::getMessage);
  }

  @Test
  void aLongUnknownTargetVariableIsShownCutInTheRule() {
    String name = "isSexua" + "b".repeat(60) + "lExploit";
    String yaml = "alignmentFormat: 1\nname: x\ntarget: {schema: ctdc-global-kanon, version: \"2020\"}\n"
        + "rules:\n  - target: isForcedLabour\n    derive: anyOf\n    from: [" + name + "]\n";
    AlignmentSpecException e = assertThrows(AlignmentSpecException.class, () -> Specs.parse(yaml, "t.yaml"));
    assertFalse(e.getMessage().contains(name.substring(0, 32)), e::getMessage);
    assertTrue(e.getMessage().contains("isSexuabbbbbbbbbbbbb...(75 chars)"), e::getMessage);
  }

  @Test
  void aLongMapKeyIsShownCutInTheErrorPath() {
    String key = "F".repeat(100);
    String yaml = "alignmentFormat: 1\nname: x\ntarget: {schema: ctdc-global-kanon, version: \"2020\"}\n"
        + "rules:\n  - target: gender\n    column: g\n    map: {" + key + ": Nope}\n";
    AlignmentSpecException e = assertThrows(AlignmentSpecException.class, () -> Specs.parse(yaml, "m.yaml"));
    assertEquals("rules[0].map." + "F".repeat(20) + "...(100 chars)", e.path());
  }
}
