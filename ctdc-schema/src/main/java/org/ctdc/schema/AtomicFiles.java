package org.ctdc.schema;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files through a temporary file in the same folder, moved into place when complete, so that an
 * interrupted run never leaves a partial file that looks complete. Stateless and thread-safe.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes text content to a writer. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the content.
     *
     * @param out the writer
     * @throws IOException on failure
     */
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Writes a string as UTF-8.
   *
   * @param file the target
   * @param text the content
   * @throws CtdcException naming the file if it cannot be written
   */
  public static void writeString(Path file, String text) {
    write(file, w -> w.write(text));
  }

  /**
   * Writes content as UTF-8 through a temporary file.
   *
   * @param file the target
   * @param content what to write
   * @throws CtdcException naming the file if it cannot be written
   */
  public static void write(Path file, Content content) {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".partial");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        content.writeTo(w);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new CtdcException(file + ": cannot write the file (" + e.getClass().getSimpleName() + ")", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is named .partial; nothing more can be done
        }
      }
    }
  }
}
