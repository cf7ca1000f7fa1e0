package org.ctdc.cli;

import java.io.PrintWriter;
import org.ctdc.deid.UnsatisfiableModelException;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.UnknownSchemaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code ctdc} command line.
 *
 * <p>Exit codes: {@value #OK} success; {@value #INVALID} invalid data (a file that breaks its schema, a
 * schema file that breaks the format) or a failed verification or audit; {@value #USAGE} usage error
 * (unknown option or command, unknown schema name); {@value #UNSATISFIABLE} the privacy model cannot be
 * satisfied within the limits. Errors are one line on standard error; {@code --debug} adds the stack trace.
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
      VerifyCommand.class,
      RiskCommand.class,
      TablesCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** Success. */
  public static final int OK = 0;

  /** Invalid data, or a failed verification. */
  public static final int INVALID = 1;

  /** Usage error. */
  public static final int USAGE = 2;

  /** The privacy model cannot be satisfied within the suppression limit. */
  public static final int UNSATISFIABLE = 3;

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
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
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
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (debug) {
            ex.printStackTrace(err);
          }
          if (ex instanceof UnsatisfiableModelException) {
            err.println("ctdc: " + ex.getMessage());
            return UNSATISFIABLE;
          }
          if (ex instanceof UnknownSchemaException) {
            err.println("ctdc: " + ex.getMessage());
            return USAGE;
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

  /** Reports the version from the jar's manifest. Thread-safe. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"ctdc " + (v == null ? "development build" : v)};
    }
  }
}
