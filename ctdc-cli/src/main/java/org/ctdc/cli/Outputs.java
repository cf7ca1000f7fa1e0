package org.ctdc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
 * failed run can say which are missing. Commands that write a few named files use {@link #writeAll}: all of
 * them or none. Not thread-safe.
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
      List<Path> all = files.sorted().toList();
      for (Path f : all) {
        if (Files.isDirectory(target.resolve(f.getFileName()))) {
          // checked before anything moves, so that a failure leaves no part of the set in place
          throw new CtdcException(target.resolve(f.getFileName()) + ": cannot write the file (it is a folder)");
        }
      }
      for (Path f : all) {
        String rel = relativeDir.isEmpty() ? f.getFileName().toString() : relativeDir + "/" + f.getFileName();
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

  /**
   * One output file of a command that writes several named files: where and what.
   *
   * @param file the target
   * @param content what to write
   */
  record Pending(Path file, AtomicFiles.Content content) {}

  /**
   * Writes several files all or none: each goes to a hidden temporary file ({@code .NAME*.partial}) next to its
   * target, and only when every one is complete are they moved into place. On failure the temporary files are
   * deleted and the error, still one line, ends with the files not written. A target that is a folder fails
   * before anything is written.
   *
   * @param files the files, in the order they are named
   * @throws CtdcException naming the file that failed and the files not written
   */
  static void writeAll(List<Pending> files) {
    List<Path> all = files.stream().map(Pending::file).toList();
    List<Path> temps = new ArrayList<>();
    List<Path> moved = new ArrayList<>();
    try {
      for (Path f : all) {
        if (Files.isDirectory(f)) {
          throw new CtdcException(f + ": cannot write the file (it is a folder)");
        }
      }
      for (Pending p : files) {
        Path abs = p.file().toAbsolutePath();
        Path parent = abs.getParent();
        Path tmp;
        try {
          Files.createDirectories(parent);
          tmp = Files.createTempFile(parent, "." + abs.getFileName(), ".partial");
        } catch (IOException e) {
          throw new CtdcException(p.file() + ": cannot write the file (" + e.getClass().getSimpleName() + ")", e);
        }
        temps.add(tmp);
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          p.content().writeTo(w);
        } catch (IOException e) {
          throw new CtdcException(p.file() + ": cannot write the file (" + e.getClass().getSimpleName() + ")", e);
        }
      }
      for (int i = 0; i < files.size(); i++) {
        Path target = all.get(i).toAbsolutePath();
        try {
          try {
            Files.move(temps.get(i), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(temps.get(i), target, StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException e) {
          throw new CtdcException(all.get(i) + ": cannot write the file (" + e.getClass().getSimpleName() + ")", e);
        }
        moved.add(all.get(i));
      }
    } catch (RuntimeException e) {
      for (Path t : temps) {
        try {
          Files.deleteIfExists(t);
        } catch (IOException ignored) {
          // a leftover hidden .partial file does not look complete
        }
      }
      RuntimeException named = notWritten(all.stream().filter(f -> !moved.contains(f)).toList(), e);
      throw named instanceof CtdcException ? named
          : new CtdcException("cannot write the outputs (" + e.getClass().getSimpleName() + "); not written: "
              + names(all.stream().filter(f -> !moved.contains(f)).toList()), e);
    }
  }

  /**
   * The error of a failed run, naming the promised files it did not write, still on one line: an error that
   * exits with code 1 (a {@link CtdcException} other than an unsatisfiable model or an unknown schema) gets
   * {@code "; not written: ..."} appended; other errors keep their type and message, so that their exit code
   * ({@link Main}) is unchanged.
   *
   * @param files the files not written
   * @param e the failure
   * @return the error to throw
   */
  static RuntimeException notWritten(List<Path> files, RuntimeException e) {
    // the same test as Main's exit codes: only errors that exit with 1 are re-worded
    if (files.isEmpty() || !(e instanceof CtdcException) || e instanceof org.ctdc.deid.UnsatisfiableModelException
        || e instanceof org.ctdc.schema.UnknownSchemaException
        || e instanceof org.ctdc.schema.OperationCancelledException) {
      return e;
    }
    return new CtdcException(e.getMessage() + "; not written: " + names(files), e);
  }

  private static String names(List<Path> files) {
    return String.join(", ", files.stream().map(Path::toString).distinct().toList());
  }

  /**
   * The file a name option reads, when it names an existing file rather than a bundled name (the spec of
   * align, the schema of risk and export).
   *
   * @param name the option's value
   * @return the file, if one exists under that name
   */
  static java.util.Optional<Path> specFile(String name) {
    try {
      Path p = Path.of(name);
      return Files.isRegularFile(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
    } catch (java.nio.file.InvalidPathException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * Refuses outputs that would overwrite one of the command's inputs or each other (a release written over the
   * partner's file, a report over the release): each output must name a different file from every input and
   * every other output, compared as absolute normalised paths and, when both exist, as the same file
   * ({@link Files#isSameFile}, which sees through links).
   *
   * @param spec the command, for the usage error
   * @param inputs the option names and the files they read (a missing one is ignored)
   * @param outputs the option names and the files they write (a missing one is ignored)
   * @throws picocli.CommandLine.ParameterException naming the two options
   */
  static void requireDistinct(picocli.CommandLine.Model.CommandSpec spec, java.util.Map<String, Path> inputs,
      java.util.Map<String, Path> outputs) {
    List<java.util.Map.Entry<String, Path>> seen = new ArrayList<>(inputs.entrySet());
    for (java.util.Map.Entry<String, Path> o : outputs.entrySet()) {
      for (java.util.Map.Entry<String, Path> s : seen) {
        if (sameFile(o.getValue(), s.getValue())) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(),
              o.getKey() + " names the same file as " + s.getKey() + "; write it elsewhere");
        }
      }
      seen.add(o);
    }
  }

  private static boolean sameFile(Path a, Path b) {
    if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /**
   * Says on standard error which promised files a run did not write ({@code ctdc COMMAND: stopped; not
   * written: ...}); nothing when the list is empty.
   *
   * @param command the command's name
   * @param err standard error
   * @param files the files not written (duplicates ignored)
   */
  static void sayNotWritten(String command, PrintWriter err, List<Path> files) {
    List<String> names = files.stream().map(Path::toString).distinct().toList();
    if (!names.isEmpty()) {
      err.println("ctdc " + command + ": stopped; not written: " + String.join(", ", names));
      err.flush();
    }
  }
}
