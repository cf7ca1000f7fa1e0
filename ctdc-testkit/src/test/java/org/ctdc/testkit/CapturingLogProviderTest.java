package org.ctdc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

class CapturingLogProviderTest {

  @BeforeEach
  void clear() {
    CapturingLogProvider.clear();
  }

  @Test
  void theServiceRegistrationInTestResourcesMakesSlf4jUseIt() {
    LoggerFactory.getLogger("probe").trace("probe {}", 42);
    assertEquals(List.of("TRACE probe probe 42"), CapturingLogProvider.events());
  }

  @Test
  void assertCapturingLogsAProbeAndFindsIt() {
    CapturingLogProvider.assertCapturing();
    assertEquals(List.of("TRACE org.ctdc.testkit.probe probe 42"), CapturingLogProvider.events());
  }

  @Test
  void everyLevelIsKeptWithArgumentsAndTheWholeCauseChain() {
    Logger log = new CapturingLogProvider().getLoggerFactory().getLogger("x");
    log.trace("t {}", 1);
    log.debug("d");
    log.info("i {} {}", "a", "b");
    log.warn("w", new IOException("outer", new IllegalStateException("inner")));
    log.error("e {}", 2, new IllegalArgumentException("bad"));
    assertEquals(List.of(
        "TRACE x t 1",
        "DEBUG x d",
        "INFO x i a b",
        "WARN x w | java.io.IOException: outer | java.lang.IllegalStateException: inner",
        "ERROR x e 2 | java.lang.IllegalArgumentException: bad"), CapturingLogProvider.events());
  }

  @Test
  void eventsWithAMarkerAreKeptAtEveryLevel() {
    CapturingLogProvider provider = new CapturingLogProvider();
    Logger log = provider.getLoggerFactory().getLogger("m");
    Marker marker = provider.getMarkerFactory().getMarker("audit");
    assertTrue(log.isTraceEnabled(marker) && log.isDebugEnabled(marker) && log.isInfoEnabled(marker)
        && log.isWarnEnabled(marker) && log.isErrorEnabled(marker));
    log.trace(marker, "t {}", 1);
    log.error(marker, "e");
    assertEquals(List.of("TRACE m t 1", "ERROR m e"), CapturingLogProvider.events());
  }

  @Test
  void clearForgetsTheEventsAndEventsIsACopy() {
    Logger log = new CapturingLogProvider().getLoggerFactory().getLogger("x");
    log.info("one");
    List<String> before = CapturingLogProvider.events();
    CapturingLogProvider.clear();
    assertEquals(List.of("INFO x one"), before);
    assertTrue(CapturingLogProvider.events().isEmpty());
  }
}
