package org.ctdc.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "2019,2019", "' 2019 ',2019", "2019-03,2019", "2019-03-31,2019", "2019-03-31T10:15:00,2019",
      "2019-03-31 10:15,2019", "31/03/2019,2019", "1/3/2019,2019", "31.03.2019,2019", "03/31/2019,2019",
      "29/02/2020,2020",
  })
  void acceptedFormsGiveTheYear(String text, int year) {
    assertEquals(Optional.of(year), Periods.year(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "19", "31/03/19", "20190331", "43555", "March 2019", "2019-02-30", "2019-13",
      "29/02/2019", "31/31/2019", "2019/03/31", "31-03-2019", "1899", "2101", "31/03.2019", "-99"})
  void ambiguousOrImpossibleFormsAreRefused(String text) {
    assertEquals(Optional.empty(), Periods.year(text));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "2005,2005-2013", "2013,2005-2013", "2014,2014-2018", "2018,2014-2018", "2019,2019", "2020,2020",
      "2021,2021-2022", "2022,2021-2022",
  })
  void victimPerpetratorBandsCoverTheirYears(int year, String band) {
    assertEquals(Optional.of(band), Periods.victimPerpetrator().bandOf(year));
  }

  @Test
  void yearsOutsideEveryBandHaveNone() {
    assertEquals(Optional.empty(), Periods.victimPerpetrator().bandOf(2004));
    assertEquals(Optional.empty(), Periods.victimPerpetrator().bandOf(2023));
    PeriodBands gap = PeriodBands.of(List.of("2000-2001", "2005"));
    assertEquals(Optional.empty(), gap.bandOf(2003));
    assertEquals(List.of("2000-2001", "2005"), gap.bands());
  }

  @Test
  void invalidBandListsAreRefused() {
    assertThrows(InvalidValueException.class, () -> PeriodBands.of(List.of()));
    assertThrows(InvalidValueException.class, () -> PeriodBands.of(List.of("2010-2012", "2012")));
    assertThrows(InvalidValueException.class, () -> PeriodBands.of(List.of("2015", "2010")));
    assertThrows(InvalidValueException.class, () -> PeriodBands.of(List.of("2013-2005")));
    assertThrows(InvalidValueException.class, () -> PeriodBands.of(List.of("recent")));
  }
}
