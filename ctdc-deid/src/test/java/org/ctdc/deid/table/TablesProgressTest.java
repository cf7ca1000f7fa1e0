package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ctdc.deid.RecordingListener;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Progress and cancellation of secondary suppression ({@link TableProtector}) and of the whole tables job
 * ({@link TablesRun}): counts end at the total, statuses and files are identical with a listener, and a
 * cancelled run leaves no file.
 */
class TablesProgressTest {
  @TempDir Path dir;

  /** A hierarchical region × flat sex count table with seeded counts, many of them small. */
  static Table table(long seed) {
    Map<String, List<String>> tree = new java.util.LinkedHashMap<>();
    tree.put("Total", List.of("A", "B"));
    tree.put("A", List.of("A1", "A2", "A3"));
    tree.put("B", List.of("B1", "B2", "B3"));
    Dimension region = Dimension.hierarchical("region", "Total", tree);
    Dimension sex = Dimension.flat("sex", "Total", List.of("F", "M", "X"));
    TableDefinition def = TableDefinition.of("rs", List.of(region, sex));
    SplittableRandom r = new SplittableRandom(seed);
    long[] counts = new long[(int) def.innerCellCount()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = r.nextInt(3) == 0 ? 1 + r.nextInt(4) : 5 + r.nextInt(40);
    }
    return Table.ofCounts(def, counts);
  }

  @ParameterizedTest
  @ValueSource(longs = {2, 13, 71})
  void secondarySuppressionReportsPrimaryCellsUpToTheirNumberAndChangesNoStatus(long seed) {
    Table t = table(seed);
    SuppressionRules rules = SuppressionRules.ctdcDefaults().withThreshold(5, SuppressionRules.ThresholdBound.LESS_THAN);
    RecordingListener listener = RecordingListener.recording();
    TableProtection watched = TableProtector.builder(rules).progress(listener).cancellation(Cancellation.create()).build().suppress(List.of(t));
    TableProtection plain = TableProtector.of(rules).suppress(t);
    long total = listener.assertCompleteStage(TableProtector.SECONDARY_SUPPRESSION);
    assertEquals(plain.tables().get(0).count(CellStatus.PRIMARY), total, "one unit per primary cell");
    assertTrue(total > 0);
    assertEquals(plain.tables(), watched.tables());
    assertEquals(plain.reports(), watched.reports());
  }

  @Test
  void cancellingSecondarySuppressionAtTheFirstReportStopsIt() {
    Cancellation signal = Cancellation.create();
    RecordingListener listener = RecordingListener.cancellingAfter(signal, 1);
    OperationCancelledException e = assertThrows(OperationCancelledException.class,
        () -> TableProtector.builder(SuppressionRules.ctdcDefaults()).progress(listener).cancellation(signal).build().suppress(List.of(table(2))));
    assertEquals(TableProtector.OPERATION, e.operation());
    assertEquals(1, listener.reports().size());
  }

  @Test
  void aPreCancelledSignalStopsSecondarySuppressionBeforeAnyReport() {
    Cancellation signal = Cancellation.create();
    signal.cancel();
    RecordingListener listener = RecordingListener.recording();
    assertThrows(OperationCancelledException.class,
        () -> TableProtector.builder(SuppressionRules.ctdcDefaults()).progress(listener).cancellation(signal).build().suppress(List.of(table(2))));
    assertTrue(listener.reports().isEmpty());
  }

  private static String suppressionConfig() {
    return TablesRunTest.config("suppression", "rules:\n  threshold: 5\n", TablesRunTest.ALL_TABLES);
  }

  private Map<String, byte[]> files(Path out) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.exists(out)) {
      return files;
    }
    try (Stream<Path> s = Files.list(out)) {
      for (Path p : s.toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void tablesRunReportsGroupsOfBothStagesAndWritesTheSameFiles() throws IOException {
    TablesConfig cfg = TablesConfig.parse(suppressionConfig(), "test.yaml", dir);
    var data = TablesTestData.dataset(TablesTestData.random(new SplittableRandom(5), 30));
    RecordingListener listener = RecordingListener.recording();
    TablesRun.builder(cfg, dir.resolve("watched")).progress(listener).cancellation(Cancellation.create()).build().run(data);
    TablesRun.of(cfg, dir.resolve("plain")).run(data);
    long groups = listener.assertCompleteStage(TableProtector.SECONDARY_SUPPRESSION);
    assertEquals(groups, listener.assertCompleteStage(TableAudit.AUDITING));
    assertTrue(groups >= 2, "several groups of linked tables");
    Map<String, byte[]> watched = files(dir.resolve("watched"));
    Map<String, byte[]> plain = files(dir.resolve("plain"));
    assertEquals(plain.keySet(), watched.keySet());
    for (String f : plain.keySet()) {
      assertArrayEquals(plain.get(f), watched.get(f), f);
    }
  }

  @Test
  void aTablesRunCancelledDuringTheAuditDeletesTheFilesItWrote() throws IOException {
    TablesConfig cfg = TablesConfig.parse(suppressionConfig(), "test.yaml", dir);
    var data = TablesTestData.dataset(TablesTestData.random(new SplittableRandom(5), 30));
    Cancellation signal = Cancellation.create();
    ProgressListener cancelAtAudit = (stage, done, total) -> {
      if (stage.equals(TableAudit.AUDITING)) {
        signal.cancel();
      }
    };
    Path out = dir.resolve("cancelled");
    OperationCancelledException e = assertThrows(OperationCancelledException.class,
        () -> TablesRun.builder(cfg, out).progress(cancelAtAudit).cancellation(signal).build().run(data));
    assertEquals(TableAudit.OPERATION, e.operation());
    assertTrue(Files.isDirectory(out), "the tables were written before the audit started");
    assertEquals(Map.of(), files(out), "no file left behind");
  }

  @Test
  void aPreCancelledTablesRunWritesNothing() throws IOException {
    TablesConfig cfg = TablesConfig.parse(suppressionConfig(), "test.yaml", dir);
    var data = TablesTestData.dataset(TablesTestData.random(new SplittableRandom(5), 30));
    Cancellation signal = Cancellation.create();
    signal.cancel();
    Path out = dir.resolve("never");
    assertThrows(OperationCancelledException.class,
        () -> TablesRun.builder(cfg, out).progress(ProgressListener.none()).cancellation(signal).build().run(data));
    assertEquals(Map.of(), files(out));
  }
}
