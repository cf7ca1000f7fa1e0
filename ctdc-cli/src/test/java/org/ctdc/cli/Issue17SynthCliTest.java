package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.ctdc.schema.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: {@code ctdc synth}, its outputs all or none, its exit codes, and no record value in what it says. */
class Issue17SynthCliTest {
  private static final String CANARY = "CANARY-note-never-shown";

  @TempDir Path dir;

  private Path data(int rows) throws Exception {
    Random rnd = new Random(3);
    StringBuilder sb = new StringBuilder("gender,ageBroad,region,notes\n");
    String[] g = {"Female", "Male"};
    String[] a = {"0--8", "9--17", "18--20", "21--23", "24--26"};
    String[] r = {"Europe", "Asia", "Africa"};
    for (int i = 0; i < rows; i++) {
      sb.append(g[rnd.nextInt(4) == 0 ? 1 : 0]).append(',').append(a[rnd.nextInt(a.length)]).append(',')
          .append(r[rnd.nextInt(3) == 0 ? rnd.nextInt(3) : 0]).append(',').append(CANARY).append(i).append('\n');
    }
    return Files.writeString(dir.resolve("cases.csv"), sb.toString());
  }

  private Path config(String text) throws Exception {
    return Files.writeString(dir.resolve("synth.yaml"), text);
  }

  @Test
  void issue17_synthWritesTheSyntheticDataTheAggregatesTheirMetadataAndTheReport() throws Exception {
    Path in = data(3000);
    Path cfg = config("columns: [gender, ageBroad, region]\nmode: dp\nreportingLength: 3\nepsilon: 3\nseed: 5\n");
    Path out = dir.resolve("out");
    Path report = dir.resolve("report.json");
    CliTest.Run run = CliTest.run("synth", "--config", cfg.toString(), "--in", in.toString(), "--out",
        out.toString(), "--report", report.toString());
    assertEquals(0, run.code(), run.err());
    List<String> synthetic = Files.readAllLines(out.resolve("synthetic.csv"));
    assertEquals("gender,ageBroad,region", synthetic.get(0));
    assertTrue(synthetic.size() > 2000, synthetic.size() + " lines");
    List<String> aggregates = Files.readAllLines(out.resolve("aggregates.csv"));
    assertEquals("length,combination,count", aggregates.get(0));
    assertTrue(aggregates.stream().anyMatch(l -> l.startsWith("3,gender=Female;ageBroad=")), aggregates.get(1));
    String meta = Files.readString(out.resolve("aggregates-metadata.json"));
    assertTrue(meta.contains("\"epsilon\" : 3.0") && meta.contains("\"seed\" : 5"), meta);
    String rep = Files.readString(report);
    assertTrue(rep.contains("\"accounting\"") && rep.contains("\"evaluation\"") && rep.contains("\"byBucket\""), rep);
    assertTrue(run.out().contains("SEEDED") && run.out().contains("mode dp"), run.out());
    for (String s : List.of(rep, meta, run.out(), run.err(), String.join("\n", synthetic),
        String.join("\n", aggregates))) {
      assertFalse(s.contains(CANARY));
    }
    // the report holds counts and rates, never a value of the data
    for (String value : List.of("Female", "Male", "Europe", "Asia", "18--20")) {
      assertFalse(rep.contains(value), value);
      assertFalse(meta.contains(value), value);
    }
  }

  @Test
  void issue17_theSameSeedWritesTheSameFilesAgain() throws Exception {
    Path in = data(1500);
    Path cfg = config("columns: [gender, ageBroad, region]\nmode: k-synthetic\nreportingLength: 2\nresolution: 5\n"
        + "seed: 9\n");
    assertEquals(0, CliTest.run("synth", "--config", cfg.toString(), "--in", in.toString(), "--out",
        dir.resolve("a").toString()).code());
    CliTest.Run b = CliTest.run("synth", "--config", cfg.toString(), "--in", in.toString(), "--out",
        dir.resolve("b").toString());
    assertEquals(0, b.code());
    assertTrue(b.out().contains("hard check passed"), b.out());
    for (String f : List.of("synthetic.csv", "aggregates.csv", "aggregates-metadata.json")) {
      assertEquals(Files.readString(dir.resolve("a").resolve(f)), Files.readString(dir.resolve("b").resolve(f)), f);
    }
  }

  @Test
  void issue17_aBadConfigurationExitsWithOneNamingFileAndKeyAndWritesNothing() throws Exception {
    Path in = data(100);
    Path cfg = config("columns: [gender]\nmode: dp\nreportingLength: 2\nepsilon: 1\nepsilonProportion: 2\n");
    Path out = dir.resolve("out");
    CliTest.Run run = CliTest.run("synth", "--config", cfg.toString(), "--in", in.toString(), "--out", out.toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("synth.yaml") && run.err().contains("epsilonProportion"), run.err());
    assertTrue(run.err().contains("not written"), run.err());
    assertFalse(Files.exists(out.resolve("synthetic.csv")));
    assertFalse(run.err().contains("\tat "), "no stack trace");
  }

  @Test
  void issue17_uniqueValuesNeverReachAnOutputInKSyntheticMode() throws Exception {
    // the inferred schema reads the unique notes as codes of a categorical column: each occurs once, below the
    // resolution, so none is reported, synthesised, or shown
    Path in = data(400);
    Path cfg = config("columns: [gender, notes]\nmode: k-synthetic\nreportingLength: 2\nresolution: 5\n");
    Path out = dir.resolve("out");
    Path report = dir.resolve("report.json");
    CliTest.Run run = CliTest.run("synth", "--config", cfg.toString(), "--in", in.toString(), "--out",
        out.toString(), "--report", report.toString());
    assertEquals(0, run.code(), run.err());
    for (Path f : List.of(out.resolve("synthetic.csv"), out.resolve("aggregates.csv"),
        out.resolve("aggregates-metadata.json"), report)) {
      assertFalse(Files.readString(f).contains(CANARY), f.toString());
    }
    assertFalse(run.err().contains(CANARY), run.err());
    assertFalse(run.out().contains(CANARY), run.out());
  }

  @Test
  void issue17_aCancelledRunExitsWith130AndLeavesNoOutput() throws Exception {
    Path in = data(500);
    Path cfg = config("columns: [gender, ageBroad]\nmode: dp\nreportingLength: 2\nepsilon: 1\n");
    Path out = dir.resolve("out");
    Cancellation c = Cancellation.create();
    c.cancel();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(new String[] {"synth", "--config", cfg.toString(), "--in", in.toString(), "--out",
        out.toString(), "--report", dir.resolve("r.json").toString()}, new PrintWriter(o, true),
        new PrintWriter(e, true), c);
    assertEquals(Main.CANCELLED, code, e.toString());
    assertFalse(Files.exists(out.resolve("synthetic.csv")));
    assertFalse(Files.exists(dir.resolve("r.json")));
  }

  @Test
  void issue17_anOutputThatWouldReplaceTheInputIsAUsageError() throws Exception {
    Path in = data(100);
    Path cfg = config("columns: [gender]\nmode: k-synthetic\nreportingLength: 1\nresolution: 5\n");
    CliTest.Run run = CliTest.run("synth", "--config", cfg.toString(), "--in", in.toString(), "--out",
        dir.toString(), "--report", in.toString());
    assertEquals(2, run.code(), run.err());
  }
}
