package org.ctdc.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgesTest {
  @ParameterizedTest(name = "age {0}: range1 {1}, broad {2}, {3}")
  @CsvSource({
      "0,0--8,0--8,Minor", "8,0--8,0--8,Minor", "9,9--11,9--17,Minor", "11,9--11,9--17,Minor",
      "12,12--14,9--17,Minor", "14,12--14,9--17,Minor", "15,15--17,9--17,Minor", "17,15--17,9--17,Minor",
      "18,18--20,18--20,Adult", "20,18--20,18--20,Adult", "21,21--23,21--23,Adult", "23,21--23,21--23,Adult",
      "24,24--26,24--26,Adult", "26,24--26,24--26,Adult", "27,27--29,27--29,Adult", "29,27--29,27--29,Adult",
      "30,30--32,30--38,Adult", "32,30--32,30--38,Adult", "33,33--35,30--38,Adult", "35,33--35,30--38,Adult",
      "36,36--38,30--38,Adult", "38,36--38,30--38,Adult", "39,39--47,39--47,Adult", "47,39--47,39--47,Adult",
      "48,48--56,48+,Adult", "56,48--56,48+,Adult", "57,57--65,48+,Adult", "65,57--65,48+,Adult",
      "66,66+,48+,Adult", "120,66+,48+,Adult",
  })
  void everyBandEdgeMapsToItsBand(int age, String rangeOne, String broad, String majority) {
    assertEquals(rangeOne, Ages.rangeOne(age));
    assertEquals(broad, Ages.ageBroad(age));
    assertEquals(majority, Ages.majority(age));
  }

  @Test
  void negativeAgesAreRefused() {
    assertThrows(InvalidValueException.class, () -> Ages.rangeOne(-1));
    assertThrows(InvalidValueException.class, () -> Ages.ageBroad(-1));
    assertThrows(InvalidValueException.class, () -> Ages.majority(-1));
  }

  @Test
  void theBandListsAreCtdcs() {
    assertEquals(List.of("0--8", "9--11", "12--14", "15--17", "18--20", "21--23", "24--26", "27--29", "30--32",
        "33--35", "36--38", "39--47", "48--56", "57--65", "66+"), Ages.rangeOneBands());
    assertEquals(List.of("0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+"),
        Ages.ageBroadBands());
  }

  @ParameterizedTest(name = "born {0}, on {1}: {2}")
  @CsvSource({
      "2000-06-15,2018-06-14,17", "2000-06-15,2018-06-15,18", "2000-06-15,2018-06-16,18",
      "2000-02-29,2018-02-28,17", "2000-02-29,2018-03-01,18", "2000-02-29,2020-02-29,20",
      "2000-02-29,2001-02-28,0", "2000-02-29,2001-03-01,1", "2004-02-29,2022-02-28,17",
      "2018-01-01,2018-01-01,0", "1900-01-01,2020-12-31,120",
  })
  void ageOnCountsCompletedYearsAroundBirthdaysAndLeapDays(LocalDate birth, LocalDate on, int age) {
    assertEquals(OptionalInt.of(age), Ages.ageOn(birth, on));
  }

  @Test
  void impossibleBirthDatesGiveNoAge() {
    assertEquals(OptionalInt.empty(), Ages.ageOn(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 1)));
    assertEquals(OptionalInt.empty(), Ages.ageOn(LocalDate.of(1890, 1, 1), LocalDate.of(2020, 1, 1)));
  }

  @ParameterizedTest(name = "{0}: broad {1}, majority {2}")
  @CsvSource({
      "0--8,0--8,Minor", "9--11,9--17,Minor", "12--14,9--17,Minor", "15--17,9--17,Minor",
      "18--20,18--20,Adult", "30--32,30--38,Adult", "39--47,39--47,Adult", "48--56,48+,Adult",
      "66+,48+,Adult", "09-17,9--17,Minor", "48 +,48+,Adult", "0—8,0--8,Minor",
      "15-19,,", "30--47,,Adult", "17--18,,", "12,9--17,Minor",
  })
  void aBandMapsToTheBroadBandAndMajorityContainingIt(String band, String broad, String majority) {
    assertEquals(Optional.ofNullable(broad), Ages.ageBroadOfBand(band));
    assertEquals(Optional.ofNullable(majority), Ages.majorityOfBand(band));
  }

  @Test
  void aBandContradictsTheOtherMajorityOnly() {
    assertTrue(Ages.contradicts("9--17", "Adult"));
    assertTrue(Ages.contradicts("18--20", "minor"));
    assertFalse(Ages.contradicts("9--17", "Minor"));
    assertFalse(Ages.contradicts("15-19", "Adult"));
    assertFalse(Ages.contradicts("15-19", "Minor"));
    assertThrows(InvalidValueException.class, () -> Ages.contradicts("9--17", "Unknown"));
  }

  @Test
  void textThatIsNotABandIsRefused() {
    assertThrows(InvalidValueException.class, () -> Ages.ageBroadOfBand("Adult"));
    assertThrows(InvalidValueException.class, () -> Ages.majorityOfBand("20--18"));
  }

  @Test
  void everyAgesRangeOneBandAgreesWithItsBroadBandAndMajority() {
    qt().forAll(integers().between(0, 130)).checkAssert(age -> {
      String band = Ages.rangeOne(age);
      assertEquals(Optional.of(Ages.ageBroad(age)), Ages.ageBroadOfBand(band));
      assertEquals(Optional.of(Ages.majority(age)), Ages.majorityOfBand(band));
      assertFalse(Ages.contradicts(band, Ages.majority(age)));
    });
  }

  @Test
  void ageOnAgreesWithAddingYears() {
    qt().forAll(integers().between(0, 60_000), integers().between(0, 120), integers().between(0, 364))
        .checkAssert((day, years, extra) -> {
          LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(day);
          LocalDate birthday = birth.plusYears(years);
          // plusYears moves 29 February to 28 February in common years: not yet the birthday
          boolean clamped = birth.getDayOfMonth() != birthday.getDayOfMonth();
          int expected = clamped && extra == 0 ? years - 1 : years;
          assertEquals(OptionalInt.of(expected), Ages.ageOn(birth, birthday.plusDays(extra)));
        });
  }
}
