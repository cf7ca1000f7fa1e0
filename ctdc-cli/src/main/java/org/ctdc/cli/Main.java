package org.ctdc.cli;

import java.io.PrintWriter;
import org.ctdc.deid.UnsatisfiableModelException;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.UnknownSchemaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code ctdc} command line.
 *
 * <p>Exit codes: {@value #OK} success; {@value #INVALID} invalid data (a file that breaks its schema, a
 * schema file that breaks the format) or a failed verification or audit; {@value #USAGE} usage error
 * (unknown option or command, unknown schema name); {@value #UNSATISFIABLE} the privacy model cannot be
 * satisfied within the limits; {@value #CANCELLED} the run was cancelled (Ctrl-C, SIGINT) and {@value #TERMINATED}
 * the run was stopped by SIGTERM, and wrote no output. Errors are one line on standard error; {@code --debug}
 * adds the stack trace.
 *
 * <p>Arguments are taken as written: an argument {@code @FILE} is not replaced by the contents of FILE (picocli's
 * default), so that the records of a data file never become arguments echoed in an error. A command refuses
 * (usage error) an output path that names one of its inputs or another of its outputs.
 *
 * <p>Cancellation: {@link #main(String[])} handles SIGINT and SIGTERM itself ({@link Stop#install}, with
 * {@code sun.misc.Signal}, the only way on the JDK to know which signal arrived): the handler records the
 * signal and raises a {@link Cancellation} shared with the running command (see {@link CancellableCommand}).
 * A command that writes outputs takes one decision to commit them ({@link Cancellation#commit()}): a signal
 * before it stops the run, which removes what it staged and exits with 130 (SIGINT) or 143 (SIGTERM); a
 * signal after it is ignored, and the run puts every output in place and exits as it would have. A command
 * that does not stop within {@value #CANCEL_WAIT_SECONDS} seconds of an accepted signal is ended with that
 * exit code (temporary files it leaves are hidden and removed by the next run writing the same target). Where
 * the signals cannot be handled, and for other ways of ending the JVM, a shutdown hook raises the signal and
 * waits as long for the command to stop.
 *
 * <p>Not thread-safe; run once per process.
 */
@Command(
    name = "ctdc",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Align, de-identify and publish counter-trafficking case data against the CTDC shared variables.",
    subcommands = {
      SchemaCommand.class,
      ValidateCommand.class,
      AlignCommand.class,
      AuditCommand.class,
      DeidCommand.class,
      SynthCommand.class,
      PublishCommand.class,
      VerifyCommand.class,
      RiskCommand.class,
      TablesCommand.class,
      DemoCommand.class,
      LinkCommand.class,
      MergeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** Success. */
  public static final int OK = 0;

  /** Invalid data, an input that cannot be read (every command, {@code verify} too), or a failed verification. */
  public static final int INVALID = 1;

  /** Usage error. */
  public static final int USAGE = 2;

  /**
   * An input stopped part-way, so nothing was done with it: every command that reads records ({@code align},
   * {@code validate}, {@code deid}, {@code tables}, {@code risk}, {@code synth}, {@code merge}, {@code link
   * encode}, {@code verify}) stopped reading and wrote (or verified) nothing (issues 14, 16).
   */
  public static final int NOT_READ = 4;

  /** The privacy model cannot be satisfied within the suppression limit. */
  public static final int UNSATISFIABLE = 3;

  /** The run was cancelled (Ctrl-C); by the shell convention 128 + SIGINT (2). */
  public static final int CANCELLED = 130;

  /** The run was stopped by SIGTERM; by the shell convention 128 + SIGTERM (15). */
  public static final int TERMINATED = 143;

  /** How long the shutdown hook waits for a cancelled command to stop and clean up. */
  static final int CANCEL_WAIT_SECONDS = 5;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    Stop stop = new Stop(Cancellation.create());
    java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
    stop.install(finished);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.cancellation().cancel();
      try {
        finished.await(CANCEL_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ctdc-cancel"));
    int code;
    try {
      code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), stop);
    } finally {
      finished.countDown();
    }
    System.exit(code);
  }

  /**
   * The signal of a run and which operating-system signal raised it, for the exit code of a cancelled run.
   * Thread-safe.
   */
  static final class Stop {
    /** Signals handled by this process (counted once handled), for tests that wait until one has been. */
    static final java.util.concurrent.atomic.AtomicInteger RECEIVED = new java.util.concurrent.atomic.AtomicInteger();

    private final Cancellation cancellation;
    private volatile int signal;
    private final java.util.concurrent.atomic.AtomicBoolean watching = new java.util.concurrent.atomic.AtomicBoolean();

    Stop(Cancellation cancellation) {
      this.cancellation = cancellation;
    }

    /** @return the signal the command watches */
    Cancellation cancellation() {
      return cancellation;
    }

    /**
     * Raises the signal for an operating-system signal, unless the run has committed its outputs.
     *
     * @param number the signal's number (2 for SIGINT, 15 for SIGTERM)
     * @return true if the run is now cancelled, false if it has committed (the signal is ignored)
     */
    boolean raise(int number) {
      if (signal == 0 && !cancellation.isCommitted()) {
        signal = number;
      }
      boolean cancelled = cancellation.cancel();
      // counted last, so that whoever sees the count sees the signal's effect
      RECEIVED.incrementAndGet();
      return cancelled;
    }

    /** @return {@value #TERMINATED} after SIGTERM, else {@value #CANCELLED} */
    int exitCode() {
      return signal == 15 ? TERMINATED : CANCELLED;
    }

    /**
     * Handles SIGINT and SIGTERM: each raises the signal ({@link #raise}) and, when accepted, starts a watchdog
     * that ends the process with the exit code if the command has not finished within
     * {@value #CANCEL_WAIT_SECONDS} seconds and has not committed. Where a signal cannot be handled (a JVM run
     * with {@code -Xrs}, a platform without it), its default stays and the shutdown hook of {@link #main}
     * applies.
     *
     * @param finished counted down when the command has finished
     */
    @SuppressWarnings("removal")
    void install(java.util.concurrent.CountDownLatch finished) {
      for (String name : java.util.List.of("INT", "TERM")) {
        try {
          sun.misc.Signal.handle(new sun.misc.Signal(name), s -> {
            if (raise(s.getNumber()) && watching.compareAndSet(false, true)) {
              Thread watchdog = new Thread(() -> watch(finished), "ctdc-cancel-watchdog");
              watchdog.setDaemon(true);
              watchdog.start();
            }
          });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
          // the default handling stays: the JVM shuts down and the shutdown hook raises the signal
        }
      }
    }

    private void watch(java.util.concurrent.CountDownLatch finished) {
      try {
        if (!finished.await(CANCEL_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)
            && !cancellation.isCommitted()) {
          Runtime.getRuntime().halt(exitCode());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Runs the command line with the given output streams and returns the exit code, for tests and embedding.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Cancellation.none());
  }

  /**
   * Runs the command line with a cancellation signal shared with the command; the seam of {@link #main} and
   * of the tests.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, Cancellation cancellation) {
    return run(args, out, err, new Stop(cancellation));
  }

  /**
   * Runs the command line with a signal whose cancellation exit code follows the operating-system signal that
   * raised it (130 or 143).
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, Stop stop) {
    Cancellation cancellation = stop.cancellation();
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    CommandLine cl = commandLine(cancellation);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (debug) {
            ex.printStackTrace(err);
          }
          if (ex instanceof OperationCancelledException) {
            err.println("ctdc: " + ex.getMessage() + "; no output written");
            return stop.exitCode();
          }
          if (ex instanceof UnsatisfiableModelException) {
            err.println("ctdc: " + ex.getMessage());
            return UNSATISFIABLE;
          }
          if (ex instanceof UnknownSchemaException) {
            err.println("ctdc: " + ex.getMessage());
            return USAGE;
          }
          if (stoppedInput(ex)) {
            err.println("ctdc: " + ex.getMessage());
            return NOT_READ;
          }
          if (ex instanceof CtdcException) {
            err.println("ctdc: " + ex.getMessage());
            return INVALID;
          }
          err.println("ctdc: internal error (" + ex.getClass().getSimpleName() + "); run again with --debug for details");
          return INVALID;
        });
    cl.setParameterExceptionHandler(
        (ex, arguments) -> {
          err.println("ctdc: " + ex.getMessage());
          err.println("Try 'ctdc " + (ex.getCommandLine().getCommandSpec().qualifiedName().replaceFirst("^ctdc ?", "") + " --help").strip() + "'.");
          return USAGE;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Whether a failure is, or names as its cause, a reader that stopped part-way through its input: every
   * command then exits {@link #NOT_READ}, even when it re-worded the error to name the files it did not write.
   */
  private static boolean stoppedInput(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof org.ctdc.schema.InputStoppedException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The command line's parser as {@link #run} configures it, before its output streams and error handlers are
   * set; tests parse with it to see what a vector would do.
   *
   * @param cancellation the signal handed to cancellable commands
   * @return a fresh command line
   */
  static CommandLine commandLine(Cancellation cancellation) {
    CommandLine cl = new CommandLine(new Main(), new CancellableCommand.Factory(cancellation));
    // picocli would replace an argument @FILE by the lines of FILE: a data file named so (or mistyped) would
    // become arguments, and its records would be echoed in the usage error. @FILE is an ordinary argument.
    cl.setExpandAtFiles(false);
    return cl;
  }

  /** Reports the version from the jar's manifest. Thread-safe. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"ctdc " + (v == null ? "development build" : v)};
    }
  }
}
