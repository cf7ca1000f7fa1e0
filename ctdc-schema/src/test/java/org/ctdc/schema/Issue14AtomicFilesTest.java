package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: temporary files have the library's own names and a killed run's stale ones are removed by the next
 * write of the same target (and nothing else is); a write that fails names the file and the reason in plain
 * words ("no space left on device"), never only a JDK class name and never the failure's own text; and the
 * commit decision of {@link Cancellation} makes a set of outputs all or none.
 */
class Issue14AtomicFilesTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void issue14_theTemporaryFileHasTheLibrarysName() throws Exception {
    Path target = dir.resolve("release.csv");
    String[] seen = new String[1];
    AtomicFiles.write(target, w -> {
      try (Stream<Path> s = Files.list(dir)) {
        seen[0] = s.map(p -> p.getFileName().toString()).findFirst().orElseThrow();
      }
      w.write("x");
    });
    assertTrue(seen[0].matches("\\.release\\.csv\\.ctdc-partial-[0-9]+"), seen[0]);
    assertTrue(AtomicFiles.isTemporaryOf("release.csv", seen[0]));
    assertTrue(AtomicFiles.isTemporary(seen[0]));
    assertEquals(List.of("release.csv"), names());
  }

  @Test
  void issue14_staleTemporaryFilesOfTheTargetAreRemovedAndNothingElse() throws Exception {
    List<String> stale = List.of(".release.csv.ctdc-partial-123", ".release.csv.ctdc-partial-9876543210",
        ".release.csv4242.partial");
    List<String> kept = List.of(".release.csv.ctdc-partial-abc", ".release.csv.ctdc-partial-", ".other.csv.ctdc-partial-1",
        ".release.csvx1.partial", "release.csv.bak", ".release.csv", "release.csv.ctdc-partial-1", "notes.txt");
    for (String n : stale) {
      Files.writeString(dir.resolve(n), "12 MB of aligned rows");
    }
    for (String n : kept) {
      Files.writeString(dir.resolve(n), "keep");
    }
    Files.createDirectory(dir.resolve(".release.csv.ctdc-partial-77"));
    Path outside = Files.createTempFile("ctdc-issue14", ".txt");
    try {
      Files.createSymbolicLink(dir.resolve(".release.csv.ctdc-partial-55"), outside);
      AtomicFiles.writeString(dir.resolve("release.csv"), "new");
      for (String n : stale) {
        assertFalse(Files.exists(dir.resolve(n)), n);
      }
      for (String n : kept) {
        assertEquals("keep", Files.readString(dir.resolve(n)), n);
      }
      assertTrue(Files.isDirectory(dir.resolve(".release.csv.ctdc-partial-77")), "a folder is never removed");
      assertTrue(Files.isSymbolicLink(dir.resolve(".release.csv.ctdc-partial-55")), "a link is never removed");
      assertTrue(Files.exists(outside));
      assertEquals("new", Files.readString(dir.resolve("release.csv")));
    } finally {
      Files.deleteIfExists(outside);
    }
  }

  @Test
  void issue14_aDiskFullWriteNamesTheFileAndSaysNoSpaceLeftOnDevice() {
    Path target = dir.resolve("release.csv");
    CtdcException e = assertThrows(CtdcException.class,
        () -> AtomicFiles.write(target, w -> {
          throw new IOException("No space left on device");
        }));
    assertEquals(target + ": cannot be written: no space left on device", e.getMessage());
    assertFalse(Files.exists(target));
  }

  @Test
  void issue14_aDiskFullDatasetWriteNamesTheFileNotTheWriter() throws Exception {
    Schema schema = TestSchemas.allKinds(ReleaseFormat.CTDC_KANON);
    Dataset d = TestSchemas.randomDataset(schema, 1, 20);
    Writer full = new Writer() {
      @Override
      public void write(char[] b, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void flush() throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void close() {}
    };
    DataFormatException w = assertThrows(DataFormatException.class, () -> DatasetCsv.write(d, full));
    assertEquals("<writer>: cannot be written: no space left on device", w.getMessage());
    Path target = dir.resolve("aligned.csv");
    CtdcException f = assertThrows(CtdcException.class,
        () -> AtomicFiles.write(target, out -> DatasetCsv.write(d, full)));
    assertEquals(target + ": cannot be written: no space left on device", f.getMessage());
    assertEquals(List.of(), names(), "no temporary file left");
  }

  @Test
  void issue14_writingToDevFullSaysNoSpaceLeftOnDevice() throws Exception {
    Path devFull = Path.of("/dev/full");
    assumeTrue(Files.exists(devFull) && Files.isWritable(devFull), "/dev/full (Linux)");
    Schema schema = TestSchemas.allKinds(ReleaseFormat.CTDC_KANON);
    Dataset d = TestSchemas.randomDataset(schema, 2, 2000);
    try (Writer w = Files.newBufferedWriter(devFull, StandardCharsets.UTF_8)) {
      DataFormatException e = assertThrows(DataFormatException.class, () -> DatasetCsv.write(d, w));
      assertEquals("<writer>: cannot be written: no space left on device", e.getMessage());
    } catch (IOException closing) {
      // closing /dev/full flushes nothing left; some JDKs report the failure again
    }
  }

  @Test
  void issue14_otherWriteFailuresAreNamedInPlainWordsWithoutTheirText() {
    Path t = dir.resolve("r.csv");
    assertEquals(t + ": cannot be written: permission denied",
        AtomicFiles.cannotWrite(t, new java.nio.file.AccessDeniedException("/secret/Jane Doe.csv")).getMessage());
    assertEquals(t + ": cannot be written: read-only file system", AtomicFiles.cannotWrite(t,
        new FileSystemException("/x/Jane Doe", null, "Read-only file system")).getMessage());
    assertEquals(t + ": cannot be written: disk quota exceeded",
        AtomicFiles.cannotWrite(t, new IOException("Disk quota exceeded")).getMessage());
    assertEquals(t + ": cannot be written: a character cannot be written as UTF-8",
        AtomicFiles.cannotWrite(t, new java.nio.charset.UnmappableCharacterException(1)).getMessage());
    String other = AtomicFiles.cannotWrite(t, new IOException("Jane Doe, case 4711")).getMessage();
    assertEquals(t + ": cannot be written: an input/output error", other);
    assertEquals(t + ": cannot be written: no space left on device", AtomicFiles.cannotWrite(t,
        new CtdcException("wrapped", new FileSystemException("/x/Jane", null, "No space left on device")))
        .getMessage());
  }

  @Test
  void issue14_aTargetThatIsAFolderIsNamedAsSuch() throws Exception {
    Path target = Files.createDirectory(dir.resolve("release.csv"));
    CtdcException e = assertThrows(CtdcException.class, () -> AtomicFiles.writeString(target, "x"));
    assertEquals(target + ": cannot be written: it is a folder", e.getMessage());
    assertEquals(List.of("release.csv"), names());
  }

  @Test
  void issue14_commitAndCancelAreOneDecision() {
    Cancellation before = Cancellation.create();
    assertTrue(before.cancel());
    assertFalse(before.commit(), "a signal first: no commit");
    assertTrue(before.isCancelled());
    Cancellation after = Cancellation.create();
    assertTrue(after.commit());
    assertFalse(after.cancel(), "committed first: the signal is ignored");
    assertFalse(after.isCancelled());
    after.throwIfCancelled("test");
    assertTrue(after.isCommitted());
    assertTrue(Cancellation.none().commit());
    assertFalse(Cancellation.none().isCommitted(), "none() is shared and keeps no state");
  }
}
