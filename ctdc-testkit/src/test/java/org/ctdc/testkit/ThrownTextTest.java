package org.ctdc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrownTextTest {

  @Test
  void everyCausesMessageStringAndFramesAreRecorded() {
    List<String> into = new ArrayList<>();
    IllegalStateException outer = new IllegalStateException("outer", new IllegalArgumentException("inner"));
    RuntimeException got = ThrownText.recordThrown(into, () -> {
      throw outer;
    });
    assertSame(outer, got);
    assertEquals("outer", into.get(0));
    assertEquals("java.lang.IllegalStateException: outer", into.get(1));
    assertTrue(into.contains("inner"), into.toString());
    assertTrue(into.contains("java.lang.IllegalArgumentException: inner"), into.toString());
    assertTrue(into.stream().anyMatch(s -> s.contains("ThrownTextTest")), "stack frames are recorded");
  }

  @Test
  void aNullMessageIsRecordedAsNull() {
    List<String> into = new ArrayList<>();
    ThrownText.recordThrown(into, () -> {
      throw new UnsupportedOperationException();
    });
    assertEquals("null", into.get(0));
  }

  @Test
  void anActionThatReturnsRecordsNothingAndMustFailIsReported() {
    List<String> into = new ArrayList<>();
    assertTrue(ThrownText.recordIfThrown(into, () -> { }).isEmpty());
    assertTrue(into.isEmpty());
    assertThrows(AssertionError.class, () -> ThrownText.recordThrown(into, () -> { }));
  }
}
