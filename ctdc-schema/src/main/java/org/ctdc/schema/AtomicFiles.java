package org.ctdc.schema;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Writes files through a temporary file in the same folder, moved into place when complete, so that an
 * interrupted run never leaves a partial file that looks complete. Stateless and thread-safe.
 *
 * <p><b>Temporary names.</b> The temporary file of a target {@code NAME} is the hidden
 * {@code .NAME.ctdc-partial-DIGITS} next to it ({@link #temporaryFile}); a folder of files staged for a
 * set of outputs is {@code .ctdc-staging-DIGITS} in the output folder. A run that is killed ({@code kill -9},
 * a power cut) cannot delete them, so every write of a target first deletes the stale temporary files of
 * that target ({@link #removeStale}): exactly the regular files named {@code .NAME.ctdc-partial-DIGITS},
 * and those of earlier versions of the library, {@code .NAMEDIGITS.partial}; nothing else is touched. Two
 * runs writing the same target at the same time are not supported (they would replace each other's file
 * anyway).
 *
 * <p><b>Failures.</b> A file that cannot be written is a {@link CtdcException} whose message names the file
 * and the reason in plain words ({@link #cannotWrite}: {@code FILE: cannot be written: no space left on
 * device}); the text of the underlying {@link IOException}, which may quote a path or data, is never shown.
 */
public final class AtomicFiles {
  /** The marker in the name of a temporary file, between the target's name and the random digits. */
  public static final String PARTIAL_MARKER = ".ctdc-partial-";

  /** The start of the name of a staging folder. */
  public static final String STAGING_PREFIX = ".ctdc-staging-";

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
   * Writes content as UTF-8 through a temporary file, after deleting the target's stale temporary files.
   *
   * @param file the target
   * @param content what to write
   * @throws CtdcException naming the file and the reason if it cannot be written; a {@link CtdcException}
   *     thrown by the content for another reason than an I/O failure is thrown as it is
   */
  public static void write(Path file, Content content) {
    @Nullable Path tmp = temporaryFile(file);
    try {
      writeTemporary(file, tmp, content);
      move(tmp, file);
      tmp = null;
    } finally {
      deleteQuietly(tmp);
    }
  }

  /**
   * Creates the temporary file of a target, {@code .NAME.ctdc-partial-DIGITS} in the target's folder (created
   * if missing), after deleting the target's stale temporary files ({@link #removeStale}).
   *
   * @param file the target
   * @return the new, empty temporary file
   * @throws CtdcException naming the target if the folder or the file cannot be created
   */
  public static Path temporaryFile(Path file) {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      removeStale(abs);
      return Files.createTempFile(dir, "." + abs.getFileName() + PARTIAL_MARKER, "");
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
  }

  /**
   * Writes content as UTF-8 into a temporary file of a target.
   *
   * @param file the target, named in a failure
   * @param tmp the temporary file
   * @param content what to write
   * @throws CtdcException naming the target if the content cannot be written
   */
  public static void writeTemporary(Path file, Path tmp, Content content) {
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      content.writeTo(w);
    } catch (IOException e) {
      throw cannotWrite(file, e);
    } catch (CtdcException | java.io.UncheckedIOException e) {
      if (ioCause(e) != null) {
        throw cannotWrite(file, e);
      }
      throw e;
    }
  }

  /**
   * Moves a complete temporary file into place, atomically where the file system can. A target that is a
   * folder, a device, a pipe or a socket is refused (it would be replaced).
   *
   * @param tmp the temporary file
   * @param file the target
   * @throws CtdcException naming the target if it cannot be moved
   */
  public static void move(Path tmp, Path file) {
    Path abs = file.toAbsolutePath();
    try {
      if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
        throw new CtdcException(file + ": cannot be written: it is a folder");
      }
      if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)
          && !Files.isSymbolicLink(abs)) {
        // a device, a pipe or a socket would be replaced by a regular file
        throw new CtdcException(file + ": cannot be written: it is not a regular file");
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
  }

  /**
   * Deletes the stale temporary files of a target left by a run that was killed: the regular files (not
   * links, not folders) in the target's folder named {@code .NAME.ctdc-partial-DIGITS} or, as earlier
   * versions named them, {@code .NAMEDIGITS.partial}. A file that cannot be deleted is left.
   *
   * @param file the target
   * @return the files deleted
   */
  public static List<Path> removeStale(Path file) {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    List<Path> removed = new ArrayList<>();
    if (dir == null || abs.getFileName() == null || !Files.isDirectory(dir)) {
      return removed;
    }
    String name = abs.getFileName().toString();
    try (Stream<Path> all = Files.list(dir)) {
      for (Path p : all.toList()) {
        if (isTemporaryOf(name, p.getFileName().toString()) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            && deleteQuietly(p)) {
          removed.add(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the folder cannot be listed: the write that follows reports the folder's problem itself
    }
    return removed;
  }

  /**
   * Whether a file name is the library's name for a temporary file of a target.
   *
   * @param target the target's file name
   * @param name a file name in the same folder
   * @return true for {@code .TARGET.ctdc-partial-DIGITS} and {@code .TARGETDIGITS.partial}
   */
  public static boolean isTemporaryOf(String target, String name) {
    String now = "." + target + PARTIAL_MARKER;
    if (name.startsWith(now)) {
      return digits(name, now.length(), name.length());
    }
    String old = "." + target;
    return name.startsWith(old) && name.endsWith(".partial")
        && digits(name, old.length(), name.length() - ".partial".length());
  }

  /**
   * Whether a file name is one of the library's temporary names, of any target: a hidden
   * {@code .NAME.ctdc-partial-DIGITS} file, a {@code .ctdc-staging-DIGITS} folder, or the names of earlier
   * versions ({@code .NAMEDIGITS.partial}, {@code .staging-DIGITS}). For checks that nothing is left behind.
   *
   * @param name a file name
   * @return true if the library could have created it as a temporary file or folder
   */
  public static boolean isTemporary(String name) {
    if (!name.startsWith(".")) {
      return false;
    }
    int m = name.lastIndexOf(PARTIAL_MARKER);
    return m > 0 && digits(name, m + PARTIAL_MARKER.length(), name.length())
        || name.startsWith(STAGING_PREFIX) || name.startsWith(".staging-") || name.endsWith(".partial");
  }

  private static boolean digits(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Deletes a file if it exists, quietly.
   *
   * @param file the file, or null
   * @return true if it was deleted
   */
  private static boolean deleteQuietly(@Nullable Path file) {
    if (file == null) {
      return false;
    }
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover hidden temporary file does not look complete, and the next write of the target removes it
      return false;
    }
  }

  /**
   * The failure of a write, named by its file: {@code FILE: cannot be written: REASON}, the reason in plain
   * words from the I/O failure found in the cause chain ({@link #reason}).
   *
   * @param file the file (or a name such as {@code <writer>})
   * @param failure the failure
   * @return the exception to throw, with the failure as its cause
   */
  public static CtdcException cannotWrite(Object file, Throwable failure) {
    return new CtdcException(file + ": cannot be written: " + reason(failure), failure);
  }

  /**
   * The reason of an I/O failure in plain words, from a closed list: {@code no space left on device},
   * {@code disk quota exceeded}, {@code permission denied}, {@code read-only file system}, {@code a folder on
   * the path does not exist}, {@code a part of the path is not a folder}, {@code it is a folder}, {@code the
   * folder is not empty}, {@code the file name is too long}, {@code too many open files}, {@code the file is
   * too large}, {@code a character cannot be written as UTF-8}, {@code the output was closed}, {@code a
   * device input/output error}, else {@code an input/output error}. The failure's own text is matched against
   * the system's wording but never returned.
   *
   * @param failure the failure or an exception caused by it
   * @return the reason
   */
  public static String reason(Throwable failure) {
    IOException e = ioCause(failure);
    if (e == null) {
      return "an input/output error";
    }
    if (e instanceof CharacterCodingException) {
      return "a character cannot be written as UTF-8";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "a folder on the path does not exist";
    }
    if (e instanceof NotDirectoryException) {
      return "a part of the path is not a folder";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    if (e instanceof java.nio.channels.ClosedChannelException) {
      return "the output was closed";
    }
    String text = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
    String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
    String[][] known = {
      {"no space left", "no space left on device"},
      {"not enough space", "no space left on device"},
      {"disk full", "no space left on device"},
      {"quota", "disk quota exceeded"},
      {"permission denied", "permission denied"},
      {"access is denied", "permission denied"},
      {"operation not permitted", "permission denied"},
      {"read-only file system", "read-only file system"},
      {"no such file", "a folder on the path does not exist"},
      {"not a directory", "a part of the path is not a folder"},
      {"is a directory", "it is a folder"},
      {"directory not empty", "the folder is not empty"},
      {"name too long", "the file name is too long"},
      {"too many open files", "too many open files"},
      {"file too large", "the file is too large"},
      {"stream closed", "the output was closed"},
      {"input/output error", "a device input/output error"},
    };
    for (String[] k : known) {
      if (t.contains(k[0])) {
        return k[1];
      }
    }
    return "an input/output error";
  }

  private static @Nullable IOException ioCause(Throwable t) {
    int depth = 0;
    for (Throwable c = t; c != null && depth < 32; c = c.getCause(), depth++) {
      if (c instanceof IOException io) {
        return io;
      }
    }
    return null;
  }
}
