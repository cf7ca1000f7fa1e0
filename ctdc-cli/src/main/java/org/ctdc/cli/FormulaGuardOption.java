package org.ctdc.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.ctdc.schema.CsvWriteOptions;
import org.ctdc.schema.CsvWriteSummary;
import picocli.CommandLine.Option;

/**
 * The {@code --no-formula-guard} option of every command that writes CSV files: by default a cell a spreadsheet
 * would run as a formula is written with a {@code '} in front ({@link org.ctdc.schema.FormulaGuard}); the option
 * writes every cell as it is, for files read only by programs. Not thread-safe.
 */
final class FormulaGuardOption {
  @Option(names = "--no-formula-guard",
      description = "Write CSV cells that begin with = + - @ (numbers excepted), tab or carriage return as they are,"
          + " for files read only by programs (default: a ' in front, so that a spreadsheet does not run them).")
  boolean off;

  /** @return the CSV write options the option asks for */
  CsvWriteOptions options() {
    return CsvWriteOptions.defaults().withFormulaGuard(!off);
  }

  /**
   * Says how many cells the guard neutralised, when it did.
   *
   * @param out standard output
   * @param written what writing did, if known
   */
  void say(PrintWriter out, Optional<CsvWriteSummary> written) {
    written.filter(w -> w.cellsNeutralised() > 0).ifPresent(w -> out.println("formula guard: "
        + w.cellsNeutralised() + " CSV cells that a spreadsheet would run were written with a ' in front"));
  }
}
