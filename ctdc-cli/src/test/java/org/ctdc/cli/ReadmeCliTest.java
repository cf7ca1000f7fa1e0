package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every line of README.md's {@code sh} blocks that starts with {@code java -jar ctdc-cli/target/ctdc.jar}
 * through {@link Main#run}, in order, in a fresh folder: relative paths are resolved there, {@code my-release.csv}
 * is the bundled victim-perpetrator sample, {@code my-tables.yaml} a tables configuration for it, and the demo
 * runs with fewer rows. Every example must exit 0.
 */
class ReadmeCliTest {
  static final String PREFIX = "java -jar ctdc-cli/target/ctdc.jar ";

  static List<String> examples() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../README.md"), StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    boolean inSh = false;
    for (String l : lines) {
      if (l.startsWith("```")) {
        inSh = !inSh && l.equals("```sh");
        continue;
      }
      if (inSh && l.startsWith(PREFIX)) {
        out.add(l.substring(PREFIX.length()).strip());
      }
    }
    return out;
  }

  @Test
  void everyReadmeExampleRuns(@TempDir Path dir) throws Exception {
    try (InputStream in = DemoCommand.class.getResourceAsStream(DemoCommand.SAMPLE)) {
      Files.copy(in, dir.resolve("my-release.csv"));
    }
    try (InputStream in = ReadmeCliTest.class.getResourceAsStream("tables/vp-tables.yaml")) {
      Files.copy(in, dir.resolve("my-tables.yaml"));
    }
    List<String> examples = examples();
    List<String> commands = new ArrayList<>();
    for (String e : examples) {
      commands.add(e.split(" ")[0]);
    }
    for (String c : List.of("demo", "deid", "verify", "audit", "align", "risk", "schema", "validate", "tables")) {
      assertTrue(commands.contains(c), "the README has an example of ctdc " + c);
    }
    for (String e : examples) {
      String[] words = e.split(" +");
      List<String> args = new ArrayList<>();
      for (int i = 0; i < words.length; i++) {
        String w = words[i];
        if (i > 0 && words[i - 1].equals("--rows")) {
          w = "300";
        } else if (w.matches("ctdc-[a-z]+/src/.*") && Files.exists(Path.of("..").resolve(w))) {
          w = Path.of("..").resolve(w).toAbsolutePath().normalize().toString(); // a file shipped in the repository
        } else if (w.contains("/") || w.matches(".*\\.(csv|json|yaml)$") || (i > 0 && words[i - 1].equals("--out"))) {
          w = dir.resolve(w).toString();
        }
        args.add(w);
      }
      CliTest.Run r = CliTest.run(args.toArray(String[]::new));
      assertEquals(0, r.code(), e + "\n" + r.out() + r.err());
    }
    assertTrue(Files.isRegularFile(dir.resolve("demo-out/report.html")));
    assertTrue(Files.isRegularFile(dir.resolve("hotline-aligned.csv")));
  }
}
