package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.ctdc.core.normalize.Ages;
import org.ctdc.core.normalize.DatePatterns;
import org.ctdc.core.normalize.InvalidValueException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Issue 15: the declared partner formats, one by one. */
class Issue15PartnerFormatsTest {

  private static final Ages.AgeWords WORDS =
      new Ages.AgeWords(List.of("yrs", "years old", "years", "y/o", "años"), List.of("approx.", "about", "~", "?"));

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "17 yrs|17", "17yrs|17", "17 years old|17", "17 YEARS OLD|17", "17 y/o|17", "approx. 30|30", "about 30|30",
      "~30|30", "30?|30", "about 30 years|30", "30 years?|30", "17 Años|17", "17|17", " 8 |8"})
  void issue15_agesWithDeclaredWordsReadAsTheirNumber(String text, int age) {
    assertEquals(OptionalInt.of(age), Ages.parseAge(text, WORDS));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "17-18", "teen", "17.5", "-17", "17 months", "seventeen", "yrs", "about", "17 yrs 18", "aboutt 30", "1000"})
  void issue15_agesThatAreNotOneNumberAreNeverGuessed(String text) {
    assertEquals(OptionalInt.empty(), Ages.parseAge(text, WORDS));
  }

  @Test
  void issue15_withoutDeclaredWordsOnlyAPlainNumberIsAnAge() {
    assertEquals(OptionalInt.empty(), Ages.parseAge("17 yrs", Ages.AgeWords.NONE));
    assertEquals(OptionalInt.of(17), Ages.parseAge("17", Ages.AgeWords.NONE));
    assertThrows(InvalidValueException.class, () -> new Ages.AgeWords(List.of("2 yrs"), List.of()));
  }

  private static final DatePatterns BOTH =
      DatePatterns.of(List.of("d/M/yyyy", "M/d/yyyy", "d.M.yyyy", "MMMM d, yyyy", "d MMM yyyy"));

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "March 14, 2019|2019-03-14", "march 14, 2019|2019-03-14", "14/03/2019|2019-03-14", "2019-03-14|2019-03-14",
      "14.03.2019|2019-03-14", "14 Mar 2019|2019-03-14", "14  MAR 2019|2019-03-14", "3/3/2019|2019-03-03",
      "12/25/2019|2019-12-25"})
  void issue15_declaredDatePatternsRead(String text, String iso) {
    DatePatterns.Reading r = BOTH.read(text);
    assertEquals(DatePatterns.Reading.Kind.DATE, r.kind(), text);
    assertEquals(Optional.of(LocalDate.parse(iso)), r.date());
  }

  @Test
  void issue15_aSlashDateTwoPatternsReadDifferentlyIsAmbiguousNeverAGuess() {
    assertEquals(DatePatterns.Reading.Kind.AMBIGUOUS, BOTH.read("03/04/2019").kind());
    // the day-first policy: only d/M/yyyy declared
    DatePatterns dayFirst = DatePatterns.of(List.of("d/M/yyyy"));
    assertEquals(Optional.of(LocalDate.of(2019, 4, 3)), dayFirst.read("03/04/2019").date());
    assertEquals(DatePatterns.Reading.Kind.NONE, dayFirst.read("12/25/2019").kind());
    // the month-first policy: 14/03/2019 is no date
    DatePatterns monthFirst = DatePatterns.of(List.of("M/d/yyyy"));
    assertEquals(Optional.of(LocalDate.of(2019, 3, 4)), monthFirst.read("03/04/2019").date());
    assertEquals(DatePatterns.Reading.Kind.NONE, monthFirst.read("14/03/2019").kind());
    // the year of an ambiguous date is still known
    assertEquals(Optional.of(2019), BOTH.year("03/04/2019"));
    assertEquals(Optional.of(2019), BOTH.year("March 14, 2019"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"30/02/2019", "14/03/19", "2019", "Smarch 14, 2019", "14/03/2019 10:00", "1/1/1850"})
  void issue15_impossibleOrForeignDatesAreNotRead(String text) {
    assertEquals(DatePatterns.Reading.Kind.NONE, BOTH.read(text).kind(), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"d/M/yy", "dd/MM", "EEEE d MMMM yyyy", "d/M/yyyy HH:mm", "d/d/M/yyyy", "''"})
  void issue15_aPatternOutsideTheDocumentedLettersIsRefused(String pattern) {
    assertThrows(InvalidValueException.class, () -> DatePatterns.of(List.of(pattern)));
  }

  // ---------------------------------------------------------------- the spec keys, read strictly

  private static final String HEAD =
      "alignmentFormat: 1\nname: t\ntarget: {schema: ctdc-global-kanon, version: \"2020\"}\n";

  @Test
  void issue15_formatsKeysAreReadStrictly() {
    AlignmentSpecException e = assertThrows(AlignmentSpecException.class,
        () -> Specs.parse(HEAD + "formats: {dates: [\"d/M/yy\"]}\nrules: []\n", "s.yaml"));
    assertTrue(e.getMessage().contains("formats.dates[0]") && e.getMessage().contains("two-digit"), e.getMessage());
    e = assertThrows(AlignmentSpecException.class,
        () -> Specs.parse(HEAD + "formats: {dayFirst: true}\nrules: []\n", "s.yaml"));
    assertTrue(e.getMessage().contains("dayFirst"), e.getMessage());
    e = assertThrows(AlignmentSpecException.class,
        () -> Specs.parse(HEAD + "formats: {ageUnits: [\"\"]}\nrules: []\n", "s.yaml"));
    assertTrue(e.getMessage().contains("formats.ageUnits[0]"), e.getMessage());
  }

  // ---------------------------------------------------------------- the rules, on a small schema

  private static Map<String, String> row(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static AlignmentSpec.Builder mini() {
    return AlignmentSpec.builder("mini", AlignerTest.schema())
        .formats(new SourceFormats(List.of("d/M/yyyy", "M/d/yyyy", "MMMM d, yyyy"), List.of("yrs"), List.of("approx.")))
        .constant("source", "Hotline")
        .map("gender", "g", Map.of())
        .notCollected("labour", "sex", "marriage");
  }

  @Test
  void issue15_onUnmappedMissingCoversNumbersAndDatesWithACountPerReason() {
    AlignmentSpec spec = mini()
        .rule(new TargetRule.Mapped("year", "date", List.of("year"), Map.of(), List.of(), TargetRule.OnUnmapped.MISSING))
        .rule(new TargetRule.Age("ageBroad", Optional.of("age"), Optional.empty(), Optional.of("date"),
            Optional.empty(), Optional.empty(), 120, true, Map.of(), TargetRule.OnUnmapped.MISSING))
        .build();
    AlignmentResult r = Aligner.of(spec).align(List.of(
        row("date", "2019-03-14", "g", "Female", "age", "17 yrs"),
        row("date", "sometime", "g", "Female", "age", "teen"),
        row("date", "March 14, 2019", "g", "Male", "age", "03/04/2001"),
        row("date", "2019-03-14", "g", "Male", "age", "14/03/2001"),
        row("date", "2019-03-14", "g", "Male", "age", "130")), "rows");
    AlignmentReport rep = r.report();
    assertEquals(5, rep.rowsRead());
    assertEquals(4, rep.rowsAligned());
    assertEquals(RejectReason.IMPOSSIBLE_AGE, rep.rejects().get(0).reason());
    assertEquals(Map.of(RejectReason.NOT_A_NUMBER, 1L), rep.target("year").turnedMissing());
    assertEquals(Map.of(RejectReason.NOT_A_NUMBER, 1L, RejectReason.AMBIGUOUS_DATE, 1L),
        rep.target("ageBroad").turnedMissing());
    assertEquals(Map.of(MissingReason.UNKNOWN, 2L), rep.target("ageBroad").missing());
    // the unreadable values are counted like unmapped ones, not shown (fewer than k rows hold them)
    assertEquals(2, rep.target("ageBroad").unmappedWithheld());
    assertEquals(1, rep.target("year").unmappedWithheld());
    Dataset d = r.dataset();
    assertEquals("9--17", d.token(0, d.column("ageBroad")));
    assertEquals("2019", d.token(2, d.column("year")));
    assertEquals("18--20", d.token(3, d.column("ageBroad")));
    assertTrue(rep.toJson().contains("\"not-a-number\" : 2"), rep.toJson());
  }

  @Test
  void issue15_withTheDefaultOnUnmappedAnUnreadableAgeOrDateStillRejectsTheRow() {
    AlignmentSpec spec = mini()
        .rule(new TargetRule.Mapped("year", "date", List.of("year"), Map.of(), List.of(), TargetRule.OnUnmapped.REJECT))
        .rule(new TargetRule.Age("ageBroad", Optional.of("age"), Optional.empty(), Optional.of("date"),
            Optional.empty(), Optional.empty(), 120, true, Map.of(), TargetRule.OnUnmapped.REJECT))
        .build();
    AlignmentReport rep = Aligner.of(spec).align(List.of(
        row("date", "2019-03-14", "g", "Female", "age", "17-18"),
        row("date", "2019-05-01", "g", "Female", "age", "03/04/2001"),
        row("date", "2019-05-01", "g", "Female", "age", "30")), "rows").report();
    assertEquals(1, rep.rowsAligned());
    assertEquals(List.of(RejectReason.NOT_A_NUMBER, RejectReason.AMBIGUOUS_DATE),
        rep.rejects().stream().map(AlignmentReport.RejectGroup::reason).toList());
    assertEquals(Map.of(), rep.turnedMissing());
  }

  @Test
  void issue15_majorityWrittenYesNoIsReadThroughItsDeclaredMap() {
    AlignmentSpec spec = mini()
        .rule(new TargetRule.Mapped("year", "date", List.of("year"), Map.of(), List.of(), TargetRule.OnUnmapped.REJECT))
        .rule(new TargetRule.Age("ageBroad", Optional.of("age"), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.of("adult"), 120, false, Map.of("Y", "Adult", "N", "Minor"),
            TargetRule.OnUnmapped.REJECT))
        .build();
    AlignmentReport rep = Aligner.of(spec).align(List.of(
        row("date", "2019", "g", "Female", "age", "17", "adult", "N"),
        row("date", "2019", "g", "Female", "age", "30", "adult", "y"),
        row("date", "2019", "g", "Female", "age", "30", "adult", "Adult"),
        row("date", "2019", "g", "Female", "age", "16", "adult", "Y"),
        row("date", "2019", "g", "Female", "age", "16", "adult", "maybe")), "rows").report();
    assertEquals(3, rep.rowsAligned());
    assertEquals(List.of(RejectReason.UNMAPPED_VALUE, RejectReason.CONTRADICTORY_AGE),
        rep.rejects().stream().map(AlignmentReport.RejectGroup::reason).toList());
    assertEquals("adult", rep.rejects().get(0).column());
  }

  @Test
  void issue15_ageRuleOptionsAreReadStrictly() {
    String rule = "rules:\n  - target: ageBroad\n    age: {exact: Age, exactMayBeBirthDate: true}\n";
    AlignmentSpecException e = assertThrows(AlignmentSpecException.class, () -> Specs.parse(HEAD + rule, "s.yaml"));
    assertTrue(e.getMessage().contains("exactMayBeBirthDate") && e.getMessage().contains("referenceDate"), e.getMessage());
    String map = "rules:\n  - target: ageBroad\n    age: {exact: Age, majority: A, majorityValues: {Y: Grown}}\n";
    e = assertThrows(AlignmentSpecException.class, () -> Specs.parse(HEAD + map, "s.yaml"));
    assertTrue(e.getMessage().contains("majorityValues.Y") && e.getMessage().contains("Adult or Minor"), e.getMessage());
    String on = "rules:\n  - target: ageBroad\n    age: {exact: Age}\n    onUnmapped: skip\n";
    e = assertThrows(AlignmentSpecException.class, () -> Specs.parse(HEAD + on, "s.yaml"));
    assertTrue(e.getMessage().contains("onUnmapped"), e.getMessage());
  }
}
