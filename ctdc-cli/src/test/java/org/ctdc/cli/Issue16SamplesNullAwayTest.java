package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, NullAway: ctdc-samples, on which the tests, the benchmarks and the demo build, is checked like the
 * library modules: its main compilation runs the parent pom's NullAway plug-in, and every package it compiles is
 * {@code @NullMarked} (NullAway checks only those, {@code OnlyNullMarked}).
 */
class Issue16SamplesNullAwayTest {

  private static final Path ROOT = Path.of("..");

  private static final Pattern ERRORPRONE = Pattern.compile("<ctdc\\.errorprone>([^<]*)</ctdc\\.errorprone>");

  @Test
  void issue16_samplesRunsNullAwayLikeTheLibraryModules() throws IOException {
    for (String module : List.of("ctdc-schema", "ctdc-core", "ctdc-deid", "ctdc-samples")) {
      Matcher m = ERRORPRONE.matcher(Files.readString(ROOT.resolve(module).resolve("pom.xml")));
      assertTrue(m.find(), module + " sets ctdc.errorprone");
      assertEquals("${ctdc.nullaway.plugin}", m.group(1).strip(), module);
    }
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    assertTrue(parent.contains("-Xep:NullAway:ERROR"), "the plug-in fails the build on a violation");
  }

  @Test
  void issue16_everyPackageOfSamplesIsNullMarked() throws IOException {
    Path main = ROOT.resolve("ctdc-samples/src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      List<Path> packages = files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java"))
          .map(Path::getParent).distinct().sorted().toList();
      assertTrue(!packages.isEmpty());
      for (Path p : packages) {
        Path info = p.resolve("package-info.java");
        assertTrue(Files.isRegularFile(info) && Files.readString(info).contains("@NullMarked"), main.relativize(p)
            + " is @NullMarked");
      }
    }
  }
}
