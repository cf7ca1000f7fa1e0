package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ctdc.schema.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thread safety of the tables job: one immutable {@link TablesConfig} used by many threads at once (started
 * together by a barrier), each protecting and auditing its own records into its own folder. Every thread's
 * files must be byte-identical to those of a single-threaded run on the same records.
 */
class TablesConcurrentUseTest {
  private static final int THREADS = 6;

  @TempDir Path dir;

  private static String files(Path folder) throws Exception {
    TreeMap<String, String> m = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return "";
    }
    try (Stream<Path> s = Files.list(folder)) {
      for (Path p : s.toList()) {
        m.put(p.getFileName().toString(), Files.readString(p));
      }
    }
    return m.toString();
  }

  private static void run(TablesConfig cfg, Dataset data, Path out, Path levels) {
    TablesRun.builder(cfg, out).levelsDirectory(levels).build().run(data);
  }

  @Test
  void aSharedConfigurationGivesEveryThreadTheSingleThreadedFiles() throws Exception {
    TablesConfig cfg = TablesConfig.parse(TablesRunTest.config("suppression",
        "rules:\n  threshold: 5\n  pPercent: 5\n", TablesRunTest.ALL_TABLES), "tables.yaml", dir);
    List<Dataset> data = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      data.add(TablesTestData.dataset(TablesTestData.random(new SplittableRandom(900 + t), 40)));
      Path out = dir.resolve("single-" + t);
      Path levels = dir.resolve("single-levels-" + t);
      run(cfg, data.get(t), out, levels);
      expected.add(files(out) + files(levels));
    }
    assertTrue(expected.stream().distinct().count() > 1, "the record sets differ, so a mix-up would show");
    List<String> got = org.ctdc.deid.Concurrently.run(THREADS, t -> () -> {
      Path out = dir.resolve("concurrent-" + t);
      Path levels = dir.resolve("concurrent-levels-" + t);
      run(cfg, data.get(t), out, levels);
      return files(out) + files(levels);
    });
    for (int t = 0; t < THREADS; t++) {
      assertEquals(expected.get(t), got.get(t), "thread " + t);
    }
  }
}
