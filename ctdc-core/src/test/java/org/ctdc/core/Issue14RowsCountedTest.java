package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.InputStoppedException;
import org.ctdc.schema.Role;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.ctdc.testkit.GeneratedCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "every row counted": a partner file the aligner cannot read to its end gives no result and says
 * how far it got; rows of only delimiters are rejected as empty; invalid UTF-8 is reported at its own row;
 * the column limit holds while parsing; and the report shows a source value only when k rows hold it and it
 * comes from no identifier or free-text column.
 */
class Issue14RowsCountedTest {

  private static final String HEADER = "id,name,date,sex_of_person,type,age\n";

  @TempDir Path dir;

  private static String rows(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to; i++) {
      b.append(i).append(",x,2019,F,Sex,20\n");
    }
    return b.toString();
  }

  @Test
  void issue14_anUnclosedQuoteAtRow6Of1000GivesNoResultAndSaysHowFarTheReaderGot() throws IOException {
    Path file = Files.writeString(dir.resolve("partner.csv"),
        HEADER + rows(1, 4) + "5,x,2019,Q,Sex,20\n" + "6,\"x,2019,F,Sex,20\n" + rows(7, 1000));
    InputStoppedException e =
        assertThrows(InputStoppedException.class, () -> Aligner.of(AlignerTest.spec()).alignCsv(file));
    assertEquals(6, e.row());
    assertEquals(5, e.rowsRead());
    assertEquals(4, e.rowsAccepted());
    assertEquals(1, e.rowsRejected());
    assertEquals("partner.csv: row 6: malformed CSV (such as an unclosed or stray quote); reading stopped there: "
        + "5 rows read before it (4 aligned, 1 rejected), row 6 and the rest of the file not read", e.getMessage());
    assertTrue(e instanceof DataFormatException, "still the library's data format error");
    // the same in strict mode, which stops at row 5 (a reject) before it meets the quote
    AlignmentReport strict = Aligner.builder(AlignerTest.spec()).mode(AlignmentMode.STRICT).build()
        .alignCsv(file).report();
    assertTrue(strict.stoppedEarly());
    assertEquals(5, strict.rowsRead());
    assertTrue(strict.summary().endsWith("strict mode stopped at row 5, the rest of the input not read"),
        strict.summary());
  }

  @Test
  void issue14_aRowOfOnlyDelimitersIsRejectedAsEmptyAndABlankLineIsSkippedAndCounted() {
    String csv = HEADER + rows(1, 1) + ",,,,,\n" + "\n" + " , ,\t, , , \n" + rows(2, 2) + "   \n";
    AlignmentReport rep = Aligner.of(AlignerTest.spec()).alignCsv(new StringReader(csv), "d.csv").report();
    assertEquals(4, rep.rowsRead());
    assertEquals(2, rep.rowsAligned());
    assertEquals(rep.rowsRead(), rep.rowsAligned() + rep.rowsRejected());
    assertEquals(1, rep.rejects().size());
    assertEquals(RejectReason.EMPTY_ROW, rep.rejects().get(0).reason());
    assertEquals(List.of(2L, 3L), rep.rejects().get(0).rows());
    assertEquals(2, rep.blankLines());
    assertTrue(rep.toJson().contains("\"blankLines\" : 2"), rep.toJson());
    assertTrue(rep.toJson().contains("\"reason\" : \"empty-row\""));
  }

  @Test
  void issue14_aJsonObjectWithoutAnyValueIsRejectedAsEmpty() {
    String jl = "{\"id\":1,\"date\":2019,\"sex_of_person\":\"F\",\"type\":\"Sex\",\"age\":20}\n"
        + "{}\n" + "{\"id\":null,\"name\":\"  \",\"type\":[]}\n" + "\n";
    AlignmentReport rep = Aligner.of(AlignerTest.spec()).alignJsonLines(new StringReader(jl), "e.jsonl").report();
    assertEquals(3, rep.rowsRead());
    assertEquals(1, rep.rowsAligned());
    assertEquals(RejectReason.EMPTY_ROW, rep.rejects().get(0).reason());
    assertEquals(List.of(2L, 3L), rep.rejects().get(0).rows());
    assertEquals(1, rep.blankLines());
  }

  @Test
  void issue14_aKeyGivenTwiceInOneJsonObjectIsAMalformedRowNotLastWins() {
    String jl = "{\"id\":1,\"date\":2019,\"sex_of_person\":\"Q\",\"sex_of_person\":\"F\",\"type\":\"Sex\",\"age\":20}\n";
    AlignmentReport rep = Aligner.of(AlignerTest.spec()).alignJsonLines(new StringReader(jl), "k.jsonl").report();
    assertEquals(RejectReason.MALFORMED_ROW, rep.rejects().get(0).reason());
  }

  @Test
  void issue14_strictModeReadsNoLineAfterItsFirstReject() {
    // found by fuzzing: strict mode read the line after its reject, and a fault there made it fail
    byte[] bytes = ("{\"id\":1,\"date\":2019,\"sex_of_person\":\"F\",\"type\":\"Sex\",\"age\":20}\n"
        + "not json\n{\"id\":\"").getBytes(StandardCharsets.UTF_8);
    byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + 3);
    bad[bytes.length] = (byte) 0xff;
    bad[bytes.length + 1] = '"';
    bad[bytes.length + 2] = '}';
    AlignmentReport strict = Aligner.builder(AlignerTest.spec()).mode(AlignmentMode.STRICT).build()
        .alignJsonLines(org.ctdc.schema.internal.Utf8Input.of(new java.io.ByteArrayInputStream(bad)), "s.jsonl")
        .report();
    assertTrue(strict.stoppedEarly());
    assertEquals(2, strict.rowsRead());
    InputStoppedException lenient = assertThrows(InputStoppedException.class, () -> Aligner.of(AlignerTest.spec())
        .alignJsonLines(org.ctdc.schema.internal.Utf8Input.of(new java.io.ByteArrayInputStream(bad)), "s.jsonl"));
    assertEquals(3, lenient.row());
    assertEquals(1, lenient.rowsRejected());
  }

  /** A file of 2,000 rows whose row {@code bad} holds a byte that is not UTF-8 in its second field. */
  private Path badUtf8(String name, boolean json, int bad) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    if (!json) {
      b.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
    }
    for (int i = 1; i <= 2000; i++) {
      String before = json ? "{\"id\":" + i + ",\"name\":\"x" : i + ",x";
      String after = json ? "\",\"date\":2019,\"sex_of_person\":\"F\",\"type\":\"Sex\",\"age\":20}\n" : ",2019,F,Sex,20\n";
      b.writeBytes(before.getBytes(StandardCharsets.UTF_8));
      if (i == bad) {
        b.write(0xff);
      }
      b.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    }
    return Files.write(dir.resolve(name), b.toByteArray());
  }

  @Test
  void issue14_invalidUtf8IsReportedAtTheRowAndFieldThatHoldIt() throws IOException {
    Aligner a = Aligner.of(AlignerTest.spec());
    InputStoppedException csv = assertThrows(InputStoppedException.class, () -> a.alignCsv(badUtf8("u.csv", false, 1500)));
    assertEquals(1500, csv.row());
    assertEquals(1499, csv.rowsRead());
    // field 2 is the free-text column 'name', which the spec never reads: its header name is not shown
    assertTrue(csv.getMessage().startsWith("u.csv: row 1500: field 2: the file is not valid UTF-8 (byte "),
        csv.getMessage());
    InputStoppedException jl =
        assertThrows(InputStoppedException.class, () -> a.alignJsonLines(badUtf8("u.jsonl", true, 1500)));
    assertEquals(1500, jl.row());
    assertTrue(jl.getMessage().startsWith("u.jsonl: row 1500: the file is not valid UTF-8 (byte "), jl.getMessage());
  }

  @Test
  void issue14_aFiveMillionColumnHeaderFailsFastWithTheColumnLimit() {
    DataFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
        DataFormatException.class,
        () -> Aligner.of(AlignerTest.spec()).alignCsv(GeneratedCsv.wideHeader("c0", 5_000_000, "1,x,2019,F,Sex,20\n"), "wide.csv")));
    assertEquals("wide.csv: header: more than 10000 fields (limit)", e.getMessage());
    assertEquals(10_000, Aligner.MAX_COLUMNS);
  }

  @Test
  void issue14_aDataRowOverTheColumnLimitStopsTheFile() {
    String csv = HEADER + rows(1, 2) + ",".repeat(20_000) + "\n" + rows(3, 3);
    InputStoppedException e = assertThrows(InputStoppedException.class,
        () -> Aligner.of(AlignerTest.spec()).alignCsv(new StringReader(csv), "r.csv"));
    assertEquals(3, e.row());
    assertTrue(e.getMessage().startsWith("r.csv: row 3: more than 10000 fields (limit); reading stopped there"),
        e.getMessage());
  }

  @Test
  void issue14_aJsonObjectOverTheKeyLimitStopsTheFileWhileItIsParsed() {
    StringBuilder b = new StringBuilder("{\"id\":1,\"date\":2019,\"sex_of_person\":\"F\",\"type\":\"Sex\",\"age\":20}\n{");
    for (int i = 0; i < 20_000; i++) {
      b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
    }
    b.append("}\n");
    InputStoppedException e = assertThrows(InputStoppedException.class,
        () -> Aligner.of(AlignerTest.spec()).alignJsonLines(new StringReader(b.toString()), "keys.jsonl"));
    assertEquals(2, e.row());
    assertTrue(e.getMessage().startsWith("keys.jsonl: row 2: more than 10000 keys in one object (limit)"),
        e.getMessage());
  }

  // ---- which source values a report may show ------------------------------------------------------------

  private static List<Map<String, String>> repeated(List<Map<String, String>> rows, String sex, int times) {
    for (int i = 0; i < times; i++) {
      rows.add(AlignerTest.row("" + rows.size(), "x", "2019", sex, "Sex", "20"));
    }
    return rows;
  }

  @Test
  void issue14_aNameInAClosedColumnOnTwoRowsIsCountedNotShown_aCodeOnElevenRowsIsShown() {
    List<Map<String, String>> rows = new ArrayList<>();
    repeated(rows, "Jane Roe", 2);
    repeated(rows, "NB", 11);
    repeated(rows, "Divers", 10);
    repeated(rows, "F", 5);
    AlignmentReport rep = Aligner.of(AlignerTest.spec()).align(rows, "n").report();
    AlignmentReport.TargetCoverage g = rep.target("gender");
    assertEquals(List.of(new AlignmentReport.ValueCount("NB", 11)), g.unmapped());
    assertEquals(12, g.unmappedWithheld());
    assertEquals(2, g.unmappedWithheldDistinct());
    assertFalse(rep.toJson().contains("Jane Roe"));
    assertFalse(rep.toJson().contains("Divers"));
    assertEquals(11, rep.showThreshold());
    assertTrue(rep.toJson().contains("\"showThreshold\" : 11"));
    // a lower release threshold is the caller's to set; one row is never enough
    AlignmentReport k10 = Aligner.builder(AlignerTest.spec()).showValuesSeenAtLeast(10).build().align(rows, "n").report();
    assertEquals(List.of("NB", "Divers"), k10.target("gender").unmapped().stream().map(AlignmentReport.ValueCount::value).toList());
    assertThrows(IllegalArgumentException.class, () -> Aligner.builder(AlignerTest.spec()).showValuesSeenAtLeast(1));
  }

  @Test
  void issue14_valuesOfAnIdentifierTargetOrAFreeTextColumnAreNeverShown() {
    Schema schema = Schema.builder("ids", "1")
        .add(Variable.builder("caseRef", VariableKind.CATEGORICAL).values("A", "B").role(Role.IDENTIFIER).build())
        .add(Variable.builder("gender", VariableKind.CATEGORICAL).values("Female", "Male").build())
        .build();
    AlignmentSpec spec = AlignmentSpec.builder("ids-spec", schema)
        .freeTextColumns(List.of("NOTES"))
        .rule(new TargetRule.Mapped("caseRef", "ref", List.of(), Map.of(), List.of(), TargetRule.OnUnmapped.MISSING))
        .rule(new TargetRule.Mapped("gender", "notes", List.of(), Map.of("F", "Female"), List.of(),
            TargetRule.OnUnmapped.MISSING))
        .build();
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(Map.of("ref", "ZZ", "notes", "Smith"));
    }
    AlignmentReport rep = Aligner.of(spec).align(rows, "ids").report();
    for (String target : List.of("caseRef", "gender")) {
      AlignmentReport.TargetCoverage t = rep.target(target);
      assertEquals(List.of(), t.unmapped(), target);
      assertEquals(30, t.unmappedWithheld(), target);
      assertEquals(1, t.unmappedWithheldDistinct(), target);
    }
    assertFalse(rep.toJson().contains("ZZ"));
    assertFalse(rep.toJson().contains("Smith"));
  }
}
