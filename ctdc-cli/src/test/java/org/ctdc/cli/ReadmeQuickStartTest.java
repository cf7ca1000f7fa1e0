package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.Schema;
import org.ctdc.schema.SchemaDiff;
import org.ctdc.schema.Schemas;
import org.ctdc.schema.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java quick start, compiled and run; the README must hold the same lines. */
class ReadmeQuickStartTest {

  private static final Path SELF = Path.of("src/test/java/org/ctdc/cli/ReadmeQuickStartTest.java");
  private static final Path README = Path.of("../README.md");

  int quickStart(Path releaseFile) {
    // README-START
    // Load a bundled schema, check a release file against it, and read its valid rows into a Dataset.
    Schema vp = Schemas.load("ctdc-victim-perpetrator", "2022");
    DatasetCsv.ReadResult result = DatasetCsv.read(releaseFile, vp, DatasetCsv.CsvOptions.defaults());
    ValidationReport report = result.report();
    System.out.println(report.summary());          // rows read = valid + invalid, always
    report.lines().forEach(System.out::println);   // FILE:row R:column C: rule: detail

    Dataset data = result.dataset();
    int gender = data.column("gender");
    int females = 0;
    for (int row = 0; row < data.rowCount(); row++) {
      if (!data.isMissing(row, gender) && vp.variables().get(gender).values().code(data.code(row, gender)).code().equals("Female")) {
        females++;
      }
    }

    // What changed between two schema generations?
    System.out.println(SchemaDiff.between(
        Schemas.load("ctdc-global-kanon", "2020"), Schemas.load("ctdc-global-synthetic", "2024")).toText());
    // README-END
    return females;
  }

  @Test
  void quickStartRunsOnTheBundledRelease(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("vp.csv");
    try (InputStream in = DemoCommand.class.getResourceAsStream(DemoCommand.SAMPLE)) {
      Files.copy(in, file);
    }
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int females;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      females = quickStart(file);
    } finally {
      System.setOut(old);
    }
    assertEquals(9589, females);
    assertTrue(buf.toString(StandardCharsets.UTF_8).contains("meansThreats"));
  }

  @Test
  void readmeShowsExactlyThisCode() throws Exception {
    List<String> self = Files.readAllLines(SELF, StandardCharsets.UTF_8);
    int from = self.indexOf("    // README-START") + 1;
    int to = self.indexOf("    // README-END");
    StringBuilder expected = new StringBuilder();
    for (String line : self.subList(from, to)) {
      expected.append(line.length() >= 4 ? line.substring(4) : line.strip()).append('\n');
    }
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    assertTrue(readme.contains("```java\n" + expected + "```"), "README's Java quick start differs from this test's code:\n" + expected);
  }
}
