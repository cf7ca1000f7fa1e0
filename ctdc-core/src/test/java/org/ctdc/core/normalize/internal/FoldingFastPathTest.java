package org.ctdc.core.normalize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class FoldingFastPathTest {

  @Test
  void printableAsciiFoldAgreesWithTheGeneralFold() {
    qt().forAll(strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 30))
        .checkAssert(s -> assertEquals(Folding.foldGeneral(s), Folding.fold(s), s));
  }

  @Test
  void printableAsciiFoldAgreesOnSpacesCaseAndGraveAccents() {
    qt().forAll(strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 12))
        .checkAssert(s -> {
          String t = " " + s.replace('q', ' ').replace('z', '`') + "  a  ";
          assertEquals(Folding.foldGeneral(t), Folding.fold(t), t);
        });
  }

  @Test
  void anyOtherTextTakesTheGeneralFold() {
    assertNull(Folding.foldPrintableAscii("C\u00f4te d\u2019Ivoire"));
    assertNull(Folding.foldPrintableAscii("a\tb"));
    assertEquals("COTE D'IVOIRE", Folding.fold("C\u00f4te d\u2019Ivoire"));
    assertEquals("A B", Folding.fold("a\tb"));
  }

  @Test
  void alreadyFoldedTextIsReturnedItself() {
    String s = "SEX AND LABOR";
    assertSame(s, Folding.fold(s));
    assertEquals("SEX AND 'LABOR", Folding.fold(" sex  and `labor "));
  }
}
