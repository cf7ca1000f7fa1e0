package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.schema.internal.CsvLine;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "one CSV line writer": no main source file of any module quotes CSV fields itself or writes CSV with
 * Jackson's generator; every CSV line goes through {@link CsvLine} in ctdc-schema, and the public line of
 * ctdc-samples is that line.
 */
class Issue16OneCsvLineWriterTest {

  private static final Path ROOT = Path.of("..");

  /** Doubling quotes, or a CSV generator: the signs of a CSV writer of its own. */
  private static final List<Pattern> OWN_WRITER = List.of(
      Pattern.compile(Pattern.quote("replace(\"\\\"\", \"\\\"\\\"\")")),
      Pattern.compile("CsvGenerator|writerFor\\(String\\[\\]\\.class\\)"));

  @Test
  void issue16_noModuleWritesCsvLinesWithItsOwnQuoting() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path m : modules.filter(p -> p.getFileName().toString().startsWith("ctdc-")).sorted().toList()) {
        Path main = m.resolve("src/main/java");
        if (!Files.isDirectory(main)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(main)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
            if (f.endsWith(Path.of("org/ctdc/schema/internal/CsvLine.java"))) {
              continue;
            }
            String text = Files.readString(f);
            for (Pattern p : OWN_WRITER) {
              if (p.matcher(text).find()) {
                found.add(ROOT.relativize(f) + " (" + p.pattern() + ")");
              }
            }
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void issue16_theSamplesLineIsTheOneLine() {
    List<String> fields = List.of("a", "b,c", "say \"hi\"", "x\ny", "", "=1");
    assertEquals(CsvLine.of(fields), PartnerSamples.csvLine(fields));
    assertTrue(PartnerSamples.csvLine(fields).endsWith(",=1\n"), "the sample line applies no formula guard");
  }
}
