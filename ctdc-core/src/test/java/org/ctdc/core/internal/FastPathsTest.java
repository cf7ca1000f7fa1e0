package org.ctdc.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ctdc.core.AlignmentMode;
import org.ctdc.core.AlignmentSpec;
import org.ctdc.core.Specs;
import org.ctdc.core.TargetRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FastPathsTest {

  private static Optional<LocalDate> referenceDate(String s) {
    try {
      return Optional.of(LocalDate.parse(s.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Test
  void packedDateAgreesWithTheDateReaderWhereverItGivesOne() {
    qt().forAll(integers().between(0, 9999), integers().between(0, 13), integers().between(0, 32))
        .checkAssert((y, m, d) -> {
          String s = String.format("%04d-%02d-%02d", y, m, d);
          int packed = NormalizerRegistry.packedDate(" " + s);
          Optional<LocalDate> ref = referenceDate(s);
          assertEquals(ref.map(x -> x.getYear() * 10_000 + x.getMonthValue() * 100 + x.getDayOfMonth()).orElse(-1),
              packed, s);
        });
    assertEquals(-1, NormalizerRegistry.packedDate("2020-1-01"));
    assertEquals(-1, NormalizerRegistry.packedDate("20200101"));
  }

  @Test
  void ageOfPackedDatesAgreesWithAgesAgeOn() {
    qt().forAll(integers().between(0, 60_000), integers().between(0, 60_000), integers().between(1800, 2100))
        .checkAssert((b, r, y) -> {
          LocalDate birth = LocalDate.of(y, 1, 1).plusDays(b);
          LocalDate ref = LocalDate.of(1850, 2, 28).plusDays(r);
          int pb = birth.getYear() * 10_000 + birth.getMonthValue() * 100 + birth.getDayOfMonth();
          int pr = ref.getYear() * 10_000 + ref.getMonthValue() * 100 + ref.getDayOfMonth();
          assertEquals(org.ctdc.core.normalize.Ages.ageOn(birth, ref).orElse(-1),
              NormalizerRegistry.ageOnPacked(pb, pr), birth + " " + ref);
        });
    // birthdays on 29 February
    LocalDate leap = LocalDate.of(2004, 2, 29);
    for (int d = 0; d < 3000; d++) {
      LocalDate ref = leap.plusDays(d);
      int pr = ref.getYear() * 10_000 + ref.getMonthValue() * 100 + ref.getDayOfMonth();
      assertEquals(org.ctdc.core.normalize.Ages.ageOn(leap, ref).orElse(-1),
          NormalizerRegistry.ageOnPacked(20040229, pr), ref::toString);
    }
  }

  @Test
  void isoDateFastPathAgreesWithLocalDateParse() {
    qt().forAll(integers().between(0, 9999), integers().between(0, 13), integers().between(0, 32))
        .checkAssert((y, m, d) -> {
          String s = String.format("%04d-%02d-%02d", y, m, d);
          assertEquals(referenceDate(s), NormalizerRegistry.date(s), s);
          assertEquals(referenceDate(" " + s + " "), NormalizerRegistry.date(" " + s + " "), s);
        });
  }

  @Test
  void otherDateShapesAgreeWithLocalDateParse() {
    for (String s : List.of("2019-1-01", "+2019-01-01", "2019/01/01", "20190101", "2019-01-0x", "", "2019-02-29",
        "2020-02-29", "1900-02-29", "2000-02-29", "12345-01-01", "2019-01-01T00:00")) {
      assertEquals(referenceDate(s), NormalizerRegistry.date(s), s);
    }
  }

  /** Vocabulary values, junk, missing tokens and separators of a picklist column of a bundled spec. */
  private static String value(List<Integer> picks, List<String> vocabulary) {
    List<String> parts = new ArrayList<>();
    String[] extra = {"-99", "Unknown", "", " ", "Bogus", "not specified", "N/A"};
    String[] seps = {";", "; ", "|", " ;"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < picks.size(); i++) {
      int p = picks.get(i);
      String part = p < vocabulary.size() ? vocabulary.get(p) : extra[p % extra.length];
      if (p % 3 == 0) {
        part = " " + part.toLowerCase(java.util.Locale.ROOT);
      }
      if (i > 0) {
        b.append(seps[p % seps.length]);
      }
      b.append(part);
      parts.add(part);
    }
    return b.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hotline-to-kanon-2020", "case-management-to-kanon-2020"})
  void sharedPicklistParseAgreesWithEachRulesOwnResolution(String name) {
    AlignmentSpec spec = Specs.load(name);
    Plan plan = new Plan(spec);
    for (Target t : plan.targets) {
      if (!(t instanceof FlagWhenTarget f)) {
        continue;
      }
      TargetRule.FlagWhen rule = (TargetRule.FlagWhen) f.rule;
      List<String> vocabulary = new ArrayList<>(rule.when());
      vocabulary.addAll(rule.unknownWhen());
      vocabulary.addAll(rule.otherValues());
      qt().withExamples(200)
          .forAll(lists().of(integers().between(0, vocabulary.size() + 6)).ofSizeBetween(1, 4))
          .checkAssert(picks -> {
            String raw = value(picks, vocabulary);
            Run run = new Run(plan, "t", AlignmentMode.LENIENT, 10, 2);
            Resolution expected = plan.missingOf(raw) != 0 ? Resolution.UNKNOWN : f.resolve(raw);
            Resolution actual = f.flagOf(run.picked(f.picklist, raw));
            assertEquals(expected.kind, actual.kind, raw);
            assertEquals(expected.code, actual.code, raw);
          });
    }
  }

  @Test
  void rulesReadingOneColumnShareItsParseWithinARow() {
    Plan plan = new Plan(Specs.load("hotline-to-kanon-2020"));
    Run run = new Run(plan, "t", AlignmentMode.LENIENT, 10, 2);
    List<FlagWhenTarget> onMeans = new ArrayList<>();
    for (Target t : plan.targets) {
      if (t instanceof FlagWhenTarget f && f.column.equals("MeansOfControl")) {
        onMeans.add(f);
      }
    }
    assertEquals(17, onMeans.size());
    String raw = new String("Debt bondage; Other");
    Picked first = run.picked(onMeans.get(0).picklist, raw);
    int set = 0;
    for (FlagWhenTarget f : onMeans) {
      assertSame(first, run.picked(f.picklist, raw));
      set += f.flagOf(first).code;
    }
    assertEquals(2, set);
  }
}
