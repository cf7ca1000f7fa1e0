package org.ctdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctdc.schema.Cancellation;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The skeleton every file command shares ({@code validate}, {@code align}, {@code audit}, {@code deid},
 * {@code synth}, {@code verify}, {@code risk}, {@code tables}, {@code demo}, {@code link encode|match}, {@code merge}),
 * as one picocli mixin: the {@code --debug} and
 * {@code -q} options, the command's streams, the usage error, the check that no output names an input or another
 * output, the progress bar ({@code -q} draws none), the report printed whole or as its summary line only
 * ({@code -q}), the all-or-nothing writing of the outputs, the mapping of a failure to the error that names
 * the files not written (and so to its exit code, {@link Main}), and the {@link Cancellation} of Ctrl-C, which
 * {@link CancellableCommand.Factory} hands to the mixin. A command holds only its own options and work.
 *
 * <p>Not thread-safe: one instance per command line, used on the thread that runs the command.
 */
final class FileCommand implements CancellableCommand {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;
  @Mixin DebugOption debug;
  @Mixin QuietOption quiet;

  private Cancellation cancellation = Cancellation.none();

  @Override
  public void cancellation(Cancellation signal) {
    this.cancellation = signal;
  }

  /** @return the signal the command watches: raised on Ctrl-C or SIGTERM, never when no signal was handed */
  Cancellation cancellation() {
    return cancellation;
  }

  /** @return whether {@code -q} was given: only the summary line, no progress bar */
  boolean quiet() {
    return quiet.on;
  }

  /** @return whether {@code --debug} was given: a stack trace with an error */
  boolean debug() {
    return debug.debug;
  }

  /** @return standard output */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** @return standard error */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * A usage error of the command (exit code {@link Main#USAGE}).
   *
   * @param message what is wrong, naming the option
   * @return the error, to throw
   */
  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /**
   * Starts the progress bar of a one-step command and names the step; a silent one with {@code -q} or when
   * standard error is not a terminal ({@link Progress}).
   *
   * @param step a fixed word such as {@code aligning}
   * @return the progress, to close
   */
  Progress progress(String step) {
    Progress p = progress(1);
    p.step(step);
    return p;
  }

  /**
   * Starts the progress bar of a command of several steps, named after the command ({@code ctdc demo}).
   *
   * @param steps the number of steps
   * @return the progress, to close
   */
  Progress progress(int steps) {
    return Progress.start(spec.qualifiedName(), steps, quiet.on);
  }

  /**
   * Refuses an output that names one of the inputs or another output ({@link Outputs#requireDistinct}).
   *
   * @param inputs the option names and the files they read
   * @param outputs the option names and the files they write
   * @throws ParameterException naming the two options
   */
  void requireDistinct(Map<String, Path> inputs, Map<String, Path> outputs) {
    Outputs.requireDistinct(spec, inputs, outputs);
  }

  /**
   * Prints a report: its detail lines (not with {@code -q}), then its summary line.
   *
   * @param details the detail lines
   * @param summary the summary line
   */
  void report(List<String> details, String summary) {
    PrintWriter out = out();
    if (!quiet.on) {
      details.forEach(out::println);
    }
    out.println(summary);
  }

  /**
   * Prints a report whose first line is its summary: the first line, then the others (not with {@code -q}).
   *
   * @param lines the report's lines, the summary first
   */
  void reportSummaryFirst(List<String> lines) {
    PrintWriter out = out();
    out.println(lines.get(0));
    if (!quiet.on) {
      lines.subList(1, lines.size()).forEach(out::println);
    }
  }

  /**
   * Ends a command whose input breaks its schema: the report ({@link #report}), the files not written on
   * standard error ({@link #sayNotWritten}), exit code {@link Main#INVALID}.
   *
   * @param details the report's detail lines
   * @param summary its summary line
   * @param notWritten the promised files, none of which was written (may be empty)
   * @return {@link Main#INVALID}
   */
  int invalidInput(List<String> details, String summary, List<Path> notWritten) {
    report(details, summary);
    sayNotWritten(notWritten);
    return Main.INVALID;
  }

  /**
   * Says on standard error which promised files the command did not write ({@link Outputs#sayNotWritten}).
   *
   * @param files the files not written; nothing is said when there is none
   */
  void sayNotWritten(List<Path> files) {
    Outputs.sayNotWritten(spec.name(), err(), files);
  }

  /**
   * Writes the outputs all or none, committing them under the command's signal ({@link Outputs#writeAll}).
   *
   * @param files the files, in the order they are named
   */
  void writeAll(List<Outputs.Pending> files) {
    Outputs.writeAll(cancellation, files);
  }

  /**
   * The error a failed command throws, naming the promised files it did not write, so that every command
   * says the same for the same failure and exits with the same code ({@link Main}): a failure that exits with
   * 1 gets {@code "; not written: ..."} ({@link Outputs#notWritten}); a reader that stopped part-way through its
   * input gets the same, or {@code "; nothing was written"} when the command promised no file, and exits
   * {@link StoppedInput#EXIT}; a usage error, an unsatisfiable model, an unknown schema and a cancellation are
   * thrown as they are.
   *
   * @param notWritten the files the command promised and did not write (may be empty)
   * @param e the failure
   * @return the error to throw
   */
  RuntimeException failed(List<Path> notWritten, RuntimeException e) {
    return StoppedInput.named(notWritten, e);
  }

  /** Option names and the files they name, in order, for {@link #requireDistinct}. Not thread-safe. */
  static final class Named {
    private final Map<String, Path> files = new LinkedHashMap<>();

    private Named() {}

    /** @return an empty list */
    static Named files() {
      return new Named();
    }

    /**
     * Adds a file, unless it is null (an option not given).
     *
     * @param option the option's name, such as {@code --out}
     * @param file the file, or null
     * @return this
     */
    Named and(String option, Path file) {
      if (file != null) {
        files.put(option, file);
      }
      return this;
    }

    /**
     * Adds files named by one description each.
     *
     * @param more the names and files
     * @return this
     */
    Named and(Map<String, Path> more) {
      files.putAll(more);
      return this;
    }

    /** @return a copy of the list, so that one list can be extended two ways */
    Named copy() {
      return new Named().and(files);
    }

    /** @return the names and files, in order */
    Map<String, Path> map() {
      return files;
    }

    /** @return the files, in order */
    List<Path> paths() {
      return List.copyOf(files.values());
    }
  }
}
