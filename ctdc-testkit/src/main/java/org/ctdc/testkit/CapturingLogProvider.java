package org.ctdc.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A test-only SLF4J binding that keeps every log event of every level (trace included) in memory, with its
 * arguments formatted and its throwable's messages (the whole cause chain), so tests can search all log
 * output. This class is thread-safe.
 *
 * <p>Each module that uses it registers it in its own test resources, in
 * {@code src/test/resources/META-INF/services/org.slf4j.spi.SLF4JServiceProvider} (one line,
 * {@code org.ctdc.testkit.CapturingLogProvider}); the testkit jar registers nothing. A module's test classes
 * come first on the test class path, so SLF4J, which takes the first provider its service loader finds,
 * picks this one even where {@code slf4j-nop} is on the class path too; and a testkit jar that strayed onto
 * some other class path would not take over its logging. Where that order cannot be relied on, name the
 * provider in the system property {@code slf4j.provider} (the parent pom's surefire configuration does).
 * A test that searches the events should first check that this provider is the one in use: {@link
 * #assertCapturing()}.
 */
public final class CapturingLogProvider implements SLF4JServiceProvider {

  private static final List<String> EVENTS = new ArrayList<>();

  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new BasicMDCAdapter();

  /** Creates the provider (called by SLF4J's service loader). */
  public CapturingLogProvider() {}

  /** @return a copy of every event logged so far, one string per event */
  public static List<String> events() {
    synchronized (EVENTS) {
      return List.copyOf(EVENTS);
    }
  }

  /**
   * Logs a probe at trace level through SLF4J and asserts that it was captured, that is that this provider
   * is the one in use and keeps every level.
   *
   * @throws AssertionError when the probe was not captured
   */
  public static void assertCapturing() {
    org.slf4j.LoggerFactory.getLogger("org.ctdc.testkit.probe").trace("probe {}", 42);
    if (events().stream().noneMatch(e -> e.contains("probe 42"))) {
      throw new AssertionError("SLF4J does not use CapturingLogProvider; events: " + events());
    }
  }

  /** Forgets the events logged so far. */
  public static void clear() {
    synchronized (EVENTS) {
      EVENTS.clear();
    }
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  /** Every level is enabled; the marker variants of {@code is...Enabled} delegate to these (LegacyAbstractLogger). */
  private static final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
      StringBuilder b = new StringBuilder(level + " " + name + " "
          + MessageFormatter.basicArrayFormat(messagePattern, arguments));
      for (Throwable t = throwable; t != null; t = t.getCause()) {
        b.append(" | ").append(t);
      }
      synchronized (EVENTS) {
        EVENTS.add(b.toString());
      }
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }
}
