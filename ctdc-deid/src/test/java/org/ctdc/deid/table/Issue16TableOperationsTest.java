package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ctdc.deid.RecordingListener;
import org.ctdc.deid.audit.AuditOptions;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.OperationBuilder;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: {@link TableProtector}, {@link TableAudit} and {@link TablesRun} are immutable operation objects
 * made by static factories, whose builders implement {@link OperationBuilder} and check each setting when it
 * is set; progress and cancellation are no longer trailing arguments of static calls.
 */
class Issue16TableOperationsTest {
  @TempDir Path dir;

  private static final SuppressionRules RULES =
      SuppressionRules.ctdcDefaults().withThreshold(5, SuppressionRules.ThresholdBound.LESS_THAN);

  @Test
  void issue16_theBuildersAreOperationBuilders() {
    assertTrue(OperationBuilder.class.isAssignableFrom(TableProtector.Builder.class));
    assertTrue(OperationBuilder.class.isAssignableFrom(TableAudit.Builder.class));
    assertTrue(OperationBuilder.class.isAssignableFrom(TablesRun.Builder.class));
  }

  @Test
  void issue16_noStaticCallTakesProgressOrCancellationAsArguments() {
    for (Class<?> c : List.of(TableProtector.class, TableAudit.class, TablesRun.class)) {
      for (Method m : c.getMethods()) {
        boolean watched = Arrays.stream(m.getParameterTypes())
            .anyMatch(p -> p == ProgressListener.class || p == Cancellation.class);
        assertFalse(watched && m.getDeclaringClass() == c, c.getSimpleName() + "." + m.getName()
            + " takes progress or cancellation as an argument; they are builder settings");
      }
      long staticWork = Arrays.stream(c.getMethods()).filter(m -> Modifier.isStatic(m.getModifiers()))
          .filter(m -> List.of("suppress", "audit", "run").contains(m.getName())).count();
      assertEquals(0, staticWork, c.getSimpleName() + ": the work is done by instance methods");
    }
  }

  @Test
  void issue16_protectorSettersCheckAtOnce() {
    assertThrows(NullPointerException.class, () -> TableProtector.builder(null));
    assertThrows(NullPointerException.class, () -> TableProtector.of(null));
    TableProtector.Builder b = TableProtector.builder(RULES);
    assertEquals("listener", assertThrows(NullPointerException.class, () -> b.progress(null)).getMessage());
    assertEquals("signal", assertThrows(NullPointerException.class, () -> b.cancellation(null)).getMessage());
    assertSame(b, b.progress(ProgressListener.none()));
    assertSame(b, b.cancellation(Cancellation.none()));
    assertSame(RULES, b.build().rules());
  }

  @Test
  void issue16_auditSettersCheckAtOnce() {
    TableAudit.Builder b = TableAudit.builder();
    assertEquals("options", assertThrows(NullPointerException.class, () -> b.options(null)).getMessage());
    assertEquals("listener", assertThrows(NullPointerException.class, () -> b.progress(null)).getMessage());
    assertEquals("signal", assertThrows(NullPointerException.class, () -> b.cancellation(null)).getMessage());
    assertThrows(NullPointerException.class, () -> TableAudit.of(null));
    AuditOptions o = AuditOptions.builder().minWidth(3).build();
    assertSame(o, TableAudit.of(o).options());
    assertEquals(AuditOptions.defaults().maxCells(), TableAudit.of().options().maxCells());
  }

  @Test
  void issue16_tablesRunSettersCheckAtOnce() {
    TablesConfig config = TablesConfig.parse(TablesRunTest.config("suppression", "", TablesRunTest.REGION_SEX), "t.yaml", dir);
    Path out = dir.resolve("out");
    assertThrows(NullPointerException.class, () -> TablesRun.builder(null, out));
    assertThrows(NullPointerException.class, () -> TablesRun.builder(config, null));
    TablesRun.Builder b = TablesRun.builder(config, out);
    assertEquals("dir", assertThrows(NullPointerException.class, () -> b.levelsDirectory(null)).getMessage());
    assertEquals("listener", assertThrows(NullPointerException.class, () -> b.progress(null)).getMessage());
    assertEquals("signal", assertThrows(NullPointerException.class, () -> b.cancellation(null)).getMessage());
    for (Path inside : List.of(out, out.resolve("levels"), out.resolve("a/../levels"))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.levelsDirectory(inside));
      assertTrue(e.getMessage().contains("levelsDirectory") && e.getMessage().contains("outDir"), e.getMessage());
    }
    assertTrue(b.build().levelsDirectory().isEmpty(), "a refused setting is not kept");
    TablesRun run = b.levelsDirectory(dir.resolve("confidential")).build();
    assertEquals(dir.resolve("confidential"), run.levelsDirectory().orElseThrow());
    assertEquals(out, run.outputDirectory());
    assertSame(config, run.config());
    assertFalse(Files.exists(out), "setting nothing writes nothing");
  }

  @Test
  void issue16_oneProtectorServesManyCallsAndASingleTableHasTheLinkedShape() {
    Table t = TablesProgressTest.table(13);
    TableProtector protector = TableProtector.of(RULES);
    TableProtection single = protector.suppress(t);
    TableProtection again = protector.suppress(t);
    TableProtection list = protector.suppress(List.of(t));
    assertEquals(single.tables(), again.tables());
    assertEquals(list.tables(), single.tables());
    assertEquals(list.reports(), single.reports());
    assertEquals(1, single.tables().size());
    assertEquals(1, single.reports().size());
    assertEquals(1, single.levels().size());
  }

  @Test
  void issue16_aProtectorBuiltWithASignalStopsEveryCallOnceRaised() {
    Cancellation signal = Cancellation.create();
    RecordingListener listener = RecordingListener.recording();
    TableProtector watched = TableProtector.builder(RULES).progress(listener).cancellation(signal).build();
    Table t = TablesProgressTest.table(2);
    assertEquals(TableProtector.of(RULES).suppress(t).tables(), watched.suppress(t).tables());
    listener.assertCompleteStage(TableProtector.SECONDARY_SUPPRESSION);
    signal.cancel();
    assertEquals(TableProtector.OPERATION,
        assertThrows(OperationCancelledException.class, () -> watched.suppress(t)).operation());
  }
}
