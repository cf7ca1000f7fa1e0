package org.ctdc.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlagsAndMultiValuesTest {
  @ParameterizedTest
  @ValueSource(strings = {"yes", "YES", " Yes ", "y", "Y", "true", "TRUE", "t", "T", "1", "x", "X"})
  void yesSpellingsAreYes(String token) {
    assertEquals(Optional.of(true), Flags.parse(token));
  }

  @ParameterizedTest
  @ValueSource(strings = {"no", "NO", " No", "n", "N", "false", "False", "f", "F", "0"})
  void noSpellingsAreNo(String token) {
    assertEquals(Optional.of(false), Flags.parse(token));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-99", "unknown", "2", "maybe", "yess", "N/A"})
  void otherTokensAreUnknown(String token) {
    assertEquals(Optional.empty(), Flags.parse(token));
    assertEquals(Optional.empty(), Flags.parse(token, true));
  }

  @Test
  void emptyIsNoOnlyWhenAsked() {
    assertEquals(Optional.empty(), Flags.parse(""));
    assertEquals(Optional.empty(), Flags.parse("  ", false));
    assertEquals(Optional.of(false), Flags.parse("  ", true));
  }

  @Test
  void splitTakesTheLongestSeparatorFirstAndDropsEmptyParts() {
    assertEquals(List.of("Debt bondage", "Threats", "Other"),
        MultiValues.split("Debt bondage; Threats;;Other", List.of(";", "; ")));
    assertEquals(List.of("a", "b", "c"), MultiValues.split(" a | b,c ", List.of("|", ",")));
    assertEquals(List.of("a;b"), MultiValues.split("a;b", List.of()));
    assertEquals(List.of(), MultiValues.split(" ; ", List.of(";")));
    assertEquals(List.of("x", "y"), MultiValues.split("x--y", List.of("-", "--")));
    assertThrows(InvalidValueException.class, () -> MultiValues.split("a", List.of("")));
  }

  @Test
  void joinLabelsSortsAsCtdcDoes() {
    assertEquals("Female;Male", MultiValues.joinLabels(List.of("Male", "Female"), ";"));
    assertEquals("No;Yes", MultiValues.joinLabels(Set.of("Yes", "No"), ";"));
    assertEquals("Zeta;alpha", MultiValues.joinLabels(List.of("alpha", "Zeta", "alpha"), ";"));
    assertEquals("", MultiValues.joinLabels(List.of(), ";"));
  }

  @Test
  void joiningThenSplittingGivesTheSortedDistinctLabels() {
    qt().forAll(lists().of(strings().basicLatinAlphabet().ofLengthBetween(1, 6)).ofSizeBetween(0, 6))
        .checkAssert(raw -> {
          List<String> labels = raw.stream().map(String::trim).filter(s -> !s.isEmpty() && !s.contains(";")).toList();
          List<String> expected = new java.util.TreeSet<>(labels).stream().toList();
          assertEquals(expected, MultiValues.split(MultiValues.joinLabels(labels, ";"), List.of(";")));
        });
  }
}
