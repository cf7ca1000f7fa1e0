package org.ctdc.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.AtomicFiles;

/**
 * The output files of one run under one folder. Every file is written to a temporary file in its target
 * folder and moved into place when complete ({@link AtomicFiles}), so an interrupted run never leaves a
 * partial file that looks complete; files written by other code go to a staging folder first
 * ({@link #stage()}) and are moved in by {@link #moveIn}. The run declares the files it promises, so that a
 * failed run can say which are missing. Not thread-safe.
 */
final class Outputs {
  private final Path dir;
  private final Set<String> expected = new LinkedHashSet<>();
  private final Set<String> written = new LinkedHashSet<>();

  Outputs(Path dir) {
    this.dir = dir;
  }

  /** @return the output folder */
  Path dir() {
    return dir;
  }

  /**
   * Declares files the run promises to write.
   *
   * @param relative paths relative to the folder, with {@code /}
   */
  void expect(String... relative) {
    expected.addAll(List.of(relative));
  }

  /**
   * Writes a text file atomically.
   *
   * @param relative its path under the folder
   * @param content the content
   * @return the file
   */
  Path write(String relative, AtomicFiles.Content content) {
    Path file = dir.resolve(relative);
    AtomicFiles.write(file, content);
    expected.add(relative);
    written.add(relative);
    return file;
  }

  /**
   * Writes a string atomically.
   *
   * @param relative its path under the folder
   * @param text the content
   * @return the file
   */
  Path writeString(String relative, String text) {
    return write(relative, w -> w.write(text));
  }

  /**
   * A fresh staging folder inside the output folder (hidden, named {@code .staging-*}), for code that writes
   * files itself.
   *
   * @return the folder
   */
  Path stage() {
    try {
      Files.createDirectories(dir);
      return Files.createTempDirectory(dir, ".staging-");
    } catch (IOException e) {
      throw new CtdcException(dir + ": cannot create a staging folder (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Moves every file of a staging folder into a folder under the output folder, then deletes the staging
   * folder.
   *
   * @param staging the staging folder
   * @param relativeDir the target folder under the output folder
   * @return the relative paths moved in, sorted
   */
  List<String> moveIn(Path staging, String relativeDir) {
    Path target = dir.resolve(relativeDir);
    List<String> moved = new ArrayList<>();
    try (Stream<Path> files = Files.list(staging)) {
      Files.createDirectories(target);
      for (Path f : files.sorted().toList()) {
        String rel = relativeDir + "/" + f.getFileName();
        try {
          Files.move(f, target.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        expected.add(rel);
        written.add(rel);
        moved.add(rel);
      }
    } catch (IOException e) {
      throw new CtdcException(target + ": cannot move files into place (" + e.getClass().getSimpleName() + ")", e);
    } finally {
      deleteQuietly(staging);
    }
    return moved;
  }

  /** Deletes a staging folder and what it holds. */
  static void deleteQuietly(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a leftover hidden .staging- folder holds no file that looks complete
    }
  }

  /**
   * Deletes every file written in this run, for a run that was cancelled: it leaves no output. Folders are
   * kept. A file that cannot be deleted is left (it is complete, never partial).
   */
  void discard() {
    for (String rel : written) {
      try {
        Files.deleteIfExists(dir.resolve(rel));
      } catch (IOException ignored) {
        // complete file of a cancelled run; the cancellation is reported either way
      }
    }
    written.clear();
  }

  /** @return the files written in this run, in order */
  List<String> written() {
    return List.copyOf(written);
  }

  /** @return the promised files this run has not written, in order */
  List<String> missing() {
    List<String> m = new ArrayList<>();
    for (String e : expected) {
      if (!written.contains(e)) {
        m.add(e);
      }
    }
    return m;
  }
}
