package org.ctdc.schema.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShownTest {

  @Test
  void shortNamesPassUnchanged() {
    assertEquals("ageBroad", Shown.name("ageBroad"));
    assertEquals("", Shown.name(""));
  }

  @Test
  void longNamesAreCutWithTheirLength() {
    String shown = Shown.name("k".repeat(300));
    assertEquals("kkkkkkkkkkkkkkkkkkkk...(300 chars)", shown);
  }

  @Test
  void issue14_controlCharactersNeverReachAMessage() {
    assertEquals("a?[31mred?b?c?d", Shown.name("a\u001b[31mred\u0000b\u007fc\u0085d"));
    assertEquals("x?y?z", Shown.clean("x\u202ey\u2028z"));
    assertEquals("dir/a?b.csv", Shown.file(Path.of("dir", "a\nb.csv")));
  }

  @Test
  void aTooSmallCutIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Shown.cut("abc", 3));
  }
}
