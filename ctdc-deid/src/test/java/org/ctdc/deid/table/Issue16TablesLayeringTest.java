package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ctdc.deid.audit.TableAudit;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: small-cell masking ({@code org.ctdc.deid.table}) and the audit ({@code org.ctdc.deid.audit}),
 * with their internal packages, depend on nothing of the microdata internals ({@code org.ctdc.deid.internal}):
 * the machinery they share with it (progress checkpoints, reading limits) lives in ctdc-schema's internal
 * package. Checked on the compiled classes (every class name a class file refers to is in its constant pool,
 * in the internal form {@code org/ctdc/deid/internal/...}) and on the sources (imports and qualified names).
 */
class Issue16TablesLayeringTest {
  private static final String MICRODATA_INTERNAL = "org/ctdc/deid/internal/";

  @Test
  void issue16_tableAndAuditClassesReferToNoMicrodataInternal() throws IOException, URISyntaxException {
    List<String> offenders = new ArrayList<>();
    int scanned = 0;
    for (Class<?> anchor : List.of(TableProtector.class, TableAudit.class)) {
      Path dir = Path.of(anchor.getResource(anchor.getSimpleName() + ".class").toURI()).getParent();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          scanned++;
          // the constant pool holds class names as (modified) UTF-8; ASCII names are plain bytes
          String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
          if (bytes.contains(MICRODATA_INTERNAL)) {
            offenders.add(dir.relativize(f).toString());
          }
        }
      }
    }
    assertTrue(scanned > 50, "the table and audit classes were found: " + scanned);
    assertEquals(List.of(), offenders, "classes referring to org.ctdc.deid.internal");
  }

  @Test
  void issue16_tableAndAuditSourcesImportNoMicrodataInternal() throws IOException {
    Path root = Path.of("src/main/java/org/ctdc/deid");
    List<String> offenders = new ArrayList<>();
    int scanned = 0;
    for (String pkg : List.of("table", "audit")) {
      try (Stream<Path> files = Files.walk(root.resolve(pkg))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          scanned++;
          if (Files.readString(f).contains(MICRODATA_INTERNAL.replace('/', '.'))) {
            offenders.add(root.relativize(f).toString());
          }
        }
      }
    }
    assertTrue(scanned > 50, "the table and audit sources were found: " + scanned);
    assertEquals(List.of(), offenders, "sources naming org.ctdc.deid.internal");
  }
}
