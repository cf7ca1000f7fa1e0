package org.ctdc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ctdc.deid.audit.AuditOptions;
import org.ctdc.deid.audit.AuditResult;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.TableAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
final class AuditCommand implements Callable<Integer> {
  @Mixin FileCommand files;

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

  @Override
  public Integer call() {
    if (tables.size() != definitions.size()) {
      throw files.usage(
          "give one --definition per --table (" + tables.size() + " tables, " + definitions.size() + " definitions)");
    }
    AuditOptions.Builder options = AuditOptions.builder();
    if (minWidth != null) {
      if (!(minWidth > 0) || minWidth.isInfinite()) {
        throw files.usage("--min-width must be a positive number");
      }
      options.minWidth(minWidth);
    }
    List<PublishedTable> published = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      published.add(levelsDir == null ? PublishedTable.read(tables.get(i), definitions.get(i))
          : PublishedTable.read(tables.get(i), definitions.get(i), levelsDir));
    }
    AuditResult result;
    try (Progress progress = files.progress("auditing")) {
      result = TableAudit.builder().options(options.build()).progress(progress).cancellation(files.cancellation())
          .build().audit(published);
      progress.done();
    }
    files.reportSummaryFirst(result.reportLines());
    return result.passed() ? Main.OK : Main.INVALID;
  }
}
