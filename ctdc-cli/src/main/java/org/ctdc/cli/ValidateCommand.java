package org.ctdc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.Schemas;
import org.ctdc.schema.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ctdc validate}: check a CSV file against a schema. Not thread-safe. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a CSV release file against a schema and its release format.",
      "Every cell error is listed as FILE:row R:column C: rule: detail (values are never printed, only codes).",
      "Exit code 0 when the file is valid, 1 when it is not, 4 when it could not be read to its end"
          + " (a malformed quote, invalid UTF-8, a record over a limit: the error says where reading stopped)."
    })
final class ValidateCommand implements Callable<Integer> {
  @Mixin FileCommand files;

  @Option(names = "--schema", required = true, paramLabel = "NAME", description = "NAME, NAME@VERSION or a schema file.")
  String schema;

  @Option(names = "--in", required = true, paramLabel = "FILE.csv", description = "The file to check.")
  Path in;

  @Option(names = "--max-errors", defaultValue = "1000", paramLabel = "N",
      description = "List at most N cell errors (all are counted; default: ${DEFAULT-VALUE}).")
  int maxErrors;

  @Override
  public Integer call() {
    if (maxErrors < 0) {
      throw files.usage("--max-errors must not be negative");
    }
    ValidationReport report;
    try {
      report = DatasetCsv.validate(in, Schemas.resolve(schema), new DatasetCsv.CsvOptions(maxErrors, true));
    } catch (RuntimeException e) {
      // a file that could not be read to its end exits 4: "nothing was written"
      throw files.failed(java.util.List.of(), e);
    }
    files.report(report.lines(), report.summary());
    return report.isValid() ? Main.OK : Main.INVALID;
  }
}
