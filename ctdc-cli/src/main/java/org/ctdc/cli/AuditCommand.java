package org.ctdc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ctdc.deid.audit.AuditOptions;
import org.ctdc.deid.audit.AuditResult;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.TableAudit;
import org.ctdc.schema.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ctdc audit}: the independent LP audit of published tables. The audit reports to the progress bar and
 * stops on Ctrl-C (exit code {@link Main#CANCELLED}); it writes no file. Not thread-safe.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Audit published tables by linear programming, so that no suppressed cell can be recomputed.",
      "For every suppressed cell of the tables (tableFormat 1, docs/table-format.md), computes the interval an"
          + " attacker can derive from everything published.",
      "Give several --table/--definition pairs to audit linked tables together.",
      "Prints each primary cell's interval (never its true value).",
      "Exit code 0 when no primary cell is exposed, 1 when one is (or the tables are invalid)."
    })
final class AuditCommand implements Callable<Integer>, CancellableCommand {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Option(names = "--table", required = true, paramLabel = "NAME.csv", description = "A published table (repeatable).")
  List<Path> tables = new ArrayList<>();

  @Option(names = "--definition", required = true, paramLabel = "NAME.table.json",
      description = "The definition of the table at the same position (repeatable).")
  List<Path> definitions = new ArrayList<>();

  @Option(names = "--min-width", paramLabel = "N",
      description = "Required width of every primary cell's interval, overriding the definitions' protection.minWidth"
          + " (1 for integer counts). Default: the definitions', else 'not exactly determined'.")
  Double minWidth;

  @Option(names = "--levels", paramLabel = "DIR",
      description = "The publisher's folder of confidential levels files (NAME.levels.json, written by ctdc tables"
          + " --levels-out) that the definitions name. Default: each definition's own folder.")
  Path levelsDir;

  @Mixin QuietOption quiet;

  private Cancellation cancellation = Cancellation.none();

  @Override
  public void cancellation(Cancellation signal) {
    this.cancellation = signal;
  }

  @Override
  public Integer call() {
    if (tables.size() != definitions.size()) {
      throw new ParameterException(spec.commandLine(),
          "give one --definition per --table (" + tables.size() + " tables, " + definitions.size() + " definitions)");
    }
    AuditOptions.Builder options = AuditOptions.builder();
    if (minWidth != null) {
      if (!(minWidth > 0) || minWidth.isInfinite()) {
        throw new ParameterException(spec.commandLine(), "--min-width must be a positive number");
      }
      options.minWidth(minWidth);
    }
    List<PublishedTable> published = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      published.add(levelsDir == null ? PublishedTable.read(tables.get(i), definitions.get(i))
          : PublishedTable.read(tables.get(i), definitions.get(i), levelsDir));
    }
    AuditResult result;
    try (Progress progress = Progress.start("ctdc audit", 1, quiet.on)) {
      progress.step("auditing");
      result = TableAudit.builder().options(options.build()).progress(progress).cancellation(cancellation).build().audit(published);
      progress.done();
    }
    PrintWriter out = spec.commandLine().getOut();
    List<String> lines = result.reportLines();
    if (quiet.on) {
      out.println(lines.get(0));
    } else {
      lines.forEach(out::println);
    }
    return result.passed() ? Main.OK : Main.INVALID;
  }
}
