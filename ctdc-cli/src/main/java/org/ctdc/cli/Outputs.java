package org.ctdc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ctdc.schema.AtomicFiles;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.OperationCancelledException;

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

  /** What writes a binary file, such as a workbook. */
  @FunctionalInterface
  interface Bytes {
    void writeTo(java.io.OutputStream out) throws IOException;
  }

  /**
   * Writes a binary file atomically: to a temporary file beside it, which then takes its place.
   *
   * @param relative its path under the folder
   * @param content what writes it
   * @return the file
   */
  Path writeBytes(String relative, Bytes content) {
    Path file = dir.resolve(relative);
    Path tmp = AtomicFiles.temporaryFile(file);
    try {
      try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
        content.writeTo(out);
      } catch (IOException e) {
        throw AtomicFiles.cannotWrite(file, e);
      }
      AtomicFiles.move(tmp, file);
    } finally {
      deleteQuietly(tmp);
    }
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
   * A fresh staging folder inside the output folder (hidden, named {@code .ctdc-staging-DIGITS}), for code that
   * writes files itself. Stale staging folders of earlier runs that were killed ({@code .ctdc-staging-DIGITS},
   * and {@code .staging-DIGITS} of earlier versions) are deleted first.
   *
   * @return the folder
   */
  Path stage() {
    try {
      Files.createDirectories(dir);
      removeStaleStaging(dir);
      return Files.createTempDirectory(dir, AtomicFiles.STAGING_PREFIX);
    } catch (IOException e) {
      throw AtomicFiles.cannotWrite(dir, e);
    }
  }

  /**
   * Deletes the staging folders a killed run left in an output folder: folders (not links) named
   * {@code .ctdc-staging-DIGITS} or {@code .staging-DIGITS}; nothing else.
   *
   * @param dir the output folder
   */
  static void removeStaleStaging(Path dir) {
    try (Stream<Path> all = Files.list(dir)) {
      for (Path p : all.toList()) {
        String n = p.getFileName().toString();
        if ((isStaging(n, AtomicFiles.STAGING_PREFIX) || isStaging(n, ".staging-"))
            && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          deleteQuietly(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the folder cannot be listed: creating the staging folder reports the problem itself
    }
  }

  private static boolean isStaging(String name, String prefix) {
    return name.startsWith(prefix) && name.length() > prefix.length()
        && name.substring(prefix.length()).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /**
   * Commits the files of a staging folder, the last step of a run: takes the decision to commit
   * ({@link Cancellation#commit()}), then moves them all in ({@link #moveIn}) whatever signal arrives. A
   * signal raised before the decision deletes the staging folder and throws.
   *
   * @param cancellation the run's signal
   * @param staging the staging folder
   * @param relativeDir the target folder under the output folder
   * @return the relative paths moved in, sorted
   * @throws OperationCancelledException if the signal was raised before the decision
   */
  List<String> commitIn(Cancellation cancellation, Path staging, String relativeDir) {
    hook.at(Step.STAGED, 0, cancellation);
    if (!cancellation.commit()) {
      deleteQuietly(staging);
      throw new OperationCancelledException(OPERATION);
    }
    return moveIn(staging, relativeDir, cancellation);
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
    return moveIn(staging, relativeDir, Cancellation.none());
  }

  private List<String> moveIn(Path staging, String relativeDir, Cancellation cancellation) {
    Path target = dir.resolve(relativeDir);
    List<String> moved = new ArrayList<>();
    try (Stream<Path> files = Files.list(staging)) {
      Files.createDirectories(target);
      List<Path> all = files.sorted().toList();
      for (Path f : all) {
        if (Files.isDirectory(target.resolve(f.getFileName()))) {
          // checked before anything moves, so that a failure leaves no part of the set in place
          throw new CtdcException(target.resolve(f.getFileName()) + ": cannot be written: it is a folder");
        }
      }
      for (Path f : all) {
        String rel = relativeDir.isEmpty() ? f.getFileName().toString() : relativeDir + "/" + f.getFileName();
        hook.at(Step.BEFORE_MOVE, moved.size(), cancellation);
        AtomicFiles.move(f, target.resolve(f.getFileName()));
        expected.add(rel);
        written.add(rel);
        moved.add(rel);
      }
      hook.at(Step.AFTER_LAST_MOVE, moved.size(), cancellation);
    } catch (IOException e) {
      throw AtomicFiles.cannotWrite(target, e);
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

  /** The operation named when a signal arrives after the outputs are staged and before they are committed. */
  static final String OPERATION = "writing the outputs";

  /** The steps of committing a set of outputs, where {@link #hook} is called. */
  enum Step {
    /** Every file is complete in its temporary file; the decision to commit comes next. */
    STAGED,
    /** The decision is taken; the file numbered {@code moved} is moved next. */
    BEFORE_MOVE,
    /** Every file is in place. */
    AFTER_LAST_MOVE
  }

  /** A test seam called at each {@link Step}; production code never sets it. */
  @FunctionalInterface
  interface CommitHook {
    /**
     * Called at a step.
     *
     * @param step the step
     * @param moved files moved into place so far
     * @param cancellation the run's signal
     */
    void at(Step step, int moved, Cancellation cancellation);
  }

  /** The hook; does nothing unless a test sets it. */
  static volatile CommitHook hook = (step, moved, cancellation) -> { };

  /**
   * Writes several files all or none: each goes to a hidden temporary file ({@code .NAME.ctdc-partial-DIGITS},
   * {@link AtomicFiles#temporaryFile}, which first removes the stale ones of that target) next to its target;
   * when every one is complete the decision to commit is taken ({@link Cancellation#commit()}) and they are all
   * moved into place, whatever signal arrives then. A signal raised before the decision, or any failure, deletes
   * the temporary files; the error, still one line, ends with the files not written. A target that is a folder
   * fails before anything is written.
   *
   * @param cancellation the run's signal
   * @param files the files, in the order they are named
   * @throws OperationCancelledException if the signal was raised before the decision to commit
   * @throws CtdcException naming the file that failed and the files not written
   */
  static void writeAll(Cancellation cancellation, List<Pending> files) {
    List<Path> all = files.stream().map(Pending::file).toList();
    List<Path> temps = new ArrayList<>();
    List<Path> moved = new ArrayList<>();
    try {
      for (Path f : all) {
        if (Files.isDirectory(f)) {
          throw new CtdcException(f + ": cannot be written: it is a folder");
        }
      }
      for (Pending p : files) {
        Path tmp = AtomicFiles.temporaryFile(p.file());
        temps.add(tmp);
        AtomicFiles.writeTemporary(p.file(), tmp, p.content());
      }
      hook.at(Step.STAGED, 0, cancellation);
      // the single decision point: before it a signal removes everything, after it every file is moved in
      if (!cancellation.commit()) {
        throw new OperationCancelledException(OPERATION);
      }
      for (int i = 0; i < files.size(); i++) {
        hook.at(Step.BEFORE_MOVE, i, cancellation);
        AtomicFiles.move(temps.get(i), all.get(i));
        moved.add(all.get(i));
      }
      hook.at(Step.AFTER_LAST_MOVE, moved.size(), cancellation);
    } catch (RuntimeException e) {
      for (Path t : temps) {
        try {
          Files.deleteIfExists(t);
        } catch (IOException ignored) {
          // a leftover hidden temporary file does not look complete, and the next run removes it
        }
      }
      List<Path> notMoved = all.stream().filter(f -> !moved.contains(f)).toList();
      RuntimeException named = notWritten(notMoved, e);
      throw named instanceof CtdcException ? named
          : new CtdcException("cannot write the outputs (internal error); not written: " + names(notMoved), e);
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
