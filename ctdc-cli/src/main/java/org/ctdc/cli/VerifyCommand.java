package org.ctdc.cli;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.ctdc.deid.HierarchyFile;
import org.ctdc.deid.verify.VerificationResult;
import org.ctdc.deid.verify.VerificationSpecFile;
import org.ctdc.deid.verify.Verifier;
import org.ctdc.deid.verify.Violation;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.InputStoppedException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Schemas;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ctdc verify}: check a released CSV file against a privacy model and hierarchies. Not thread-safe. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check a released CSV file with the independent verifier against its privacy models, hierarchies and"
          + " suppression limit.",
      "VERIFY.yaml (docs/verify.md) declares k-anonymity, l-diversity, t-closeness, the hierarchies and the limit.",
      "Violations name rules, variables and generalised class values, never sensitive values.",
      "Exit code 0 when the release passes; 1 when it does not, or when it was not verified because the spec,"
          + " a hierarchy or the release could not be read (the message says which: 'not verified: ...'), as"
          + " every command exits for an input it cannot read; 4 when the release stops part-way."
    })
final class VerifyCommand implements Callable<Integer> {
  @Mixin FileCommand files;

  @Option(names = "--spec", required = true, paramLabel = "VERIFY.yaml", description = "What the release must satisfy.")
  Path specFile;

  @Option(names = "--in", required = true, paramLabel = "RELEASE.csv", description = "The released file.")
  Path in;

  /**
   * Exit code: the spec, a hierarchy or the release could not be read, so nothing was verified; the code of
   * every command whose input cannot be read (issue 16). A release that stops part-way exits {@link
   * StoppedInput#EXIT}, as every reader's input.
   */
  static final int NOT_VERIFIED = Main.INVALID;

  @Override
  public Integer call() {
    VerificationSpecFile file;
    Dataset release;
    try {
      file = VerificationSpecFile.read(specFile, VerifyCommand::readHierarchy);
    } catch (CtdcException e) {
      return notVerified("cannot read the verification spec", e);
    }
    try {
      release = readRelease(file.release(), file.spec().quasiIdentifiers());
    } catch (CtdcException e) {
      return notVerified("cannot read the release", e);
    }
    List<String> qis = file.spec().quasiIdentifiers();
    VerificationResult result = Verifier.verify(release, file.spec());
    List<String> violations = new ArrayList<>();
    for (Violation v : result.violations()) {
      violations.add(in.getFileName() + ": " + v.rule().id() + ": " + v.detail()
          + (v.classValues().isEmpty() ? "" : " " + qis + "=" + v.classValues()));
    }
    files.report(violations, result.summary());
    return result.passed() ? Main.OK : Main.INVALID;
  }

  /**
   * "Cannot read" is not "verification failed": a separate message (issue 14), with the exit code of every
   * command whose input cannot be read, and {@link StoppedInput#EXIT} for a release that stops part-way
   * (issue 16). The library's messages name the file, path and rule and never a value.
   */
  private int notVerified(String what, CtdcException e) {
    if (files.debug()) {
      e.printStackTrace(files.err());
    }
    // a release that stops part-way is said as by every reader: where it stopped, and "nothing was written"
    files.err().println("ctdc: not verified: " + what + ": " + files.failed(List.of(), e).getMessage());
    return e instanceof InputStoppedException ? StoppedInput.EXIT : NOT_VERIFIED;
  }

  /**
   * Reads a hierarchy file in ARX's layout (one row per leaf, levels separated by ';') into rows, the way
   * {@code deid} reads it: the pure file layout ({@link HierarchyFile}), with its limits and its errors by
   * file, row and level, never a label. The verifier checks the rows itself ({@code HierarchyTable}).
   */
  static List<List<String>> readHierarchy(Path file) {
    return HierarchyFile.read(file, ';');
  }

  private Dataset readRelease(VerificationSpecFile.ReleaseReading reading, List<String> qis) {
    if (reading.schema().isPresent()) {
      Schema schema = Schemas.resolve(reading.schema().get());
      DatasetCsv.ReadResult read = DatasetCsv.read(in, schema, DatasetCsv.CsvOptions.defaults());
      if (!read.report().isValid()) {
        throw new DataFormatException(in + ": the release does not follow schema " + schema.id() + ": "
            + read.report().summary() + " (run ctdc validate for the details)");
      }
      return read.dataset();
    }
    return readInferred(new java.util.HashSet<>(reading.missingTokens()), reading.suppressedRecordToken().orElse(null),
        qis, reading.delimiter());
  }

  /** A cell holding the suppressed-record token where that token is also a missing-value token. */
  private static final int SUPPRESSED_MISSING = -3;

  /**
   * Reads the release with every column categorical, its value set the distinct tokens of the file. Each
   * cell is kept as the number of its token in its column (tokens numbered as first met, a missing or blank
   * cell as -1), not as a string, so that memory grows with the rows by four bytes a cell (issue 19: 10^7
   * rows of strings did not fit in 2 GB).
   */
  private Dataset readInferred(Set<String> missing, String suppressedToken, List<String> qis, char delimiter) {
    String[] header;
    List<java.util.HashMap<String, Integer>> ids = new ArrayList<>();
    List<List<String>> tokens = new ArrayList<>();
    int[][] cells = new int[0][];
    int rowCount = 0;
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (Reader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
      Iterator<String[]> it = mapper.readerFor(String[].class)
          .with(CsvSchema.emptySchema().withColumnSeparator(delimiter)).readValues(r);
      if (!it.hasNext()) {
        throw new DataFormatException(in + ": the release is empty (no header)");
      }
      header = it.next();
      cells = new int[header.length][1024];
      for (int c = 0; c < header.length; c++) {
        ids.add(new java.util.HashMap<>());
        tokens.add(new ArrayList<>());
      }
      int line = 1;
      while (true) {
        String[] row;
        try {
          if (!it.hasNext()) {
            break;
          }
          row = it.next();
        } catch (RuntimeException e) {
          // past the header the parser could not go on: the release stopped part-way, as in every reader
          throw InputStoppedException.at(in.toString(), line, "not valid CSV (" + e.getClass().getSimpleName() + ")",
              line - 1, 0, "read", "rejected", null);
        }
        line++;
        if (row.length == 1 && row[0].isEmpty()) {
          continue;
        }
        if (row.length != header.length) {
          throw new DataFormatException(in + ": row " + (line - 1) + " has " + row.length + " columns, the header "
              + header.length + " (rule: equal column counts)");
        }
        if (rowCount == cells[0].length) {
          for (int c = 0; c < cells.length; c++) {
            cells[c] = java.util.Arrays.copyOf(cells[c], rowCount * 2);
          }
        }
        for (int c = 0; c < row.length; c++) {
          String v = row[c];
          if (missing.contains(v) || v.isBlank()) {
            // a missing token that is also the suppressed-record token is told apart from the other missing cells
            cells[c][rowCount] = v.equals(suppressedToken) ? SUPPRESSED_MISSING : -1;
          } else {
            List<String> t = tokens.get(c);
            cells[c][rowCount] = ids.get(c).computeIfAbsent(v, k -> {
              t.add(k);
              return t.size() - 1;
            });
          }
        }
        rowCount++;
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof CtdcException c) {
        throw c;
      }
      // a CSV parser's exception quotes the file: neither its message nor the exception is kept
      throw new DataFormatException(in + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file"
          : e instanceof java.nio.charset.CharacterCodingException ? "the file is not UTF-8 text"
          : "not valid CSV (" + e.getClass().getSimpleName() + ")"));
    }
    Schema.Builder sb = Schema.builder("release", "inferred");
    // per column, the sorted position of each token numbered as first met
    int[][] sortedOf = new int[header.length][];
    for (int c = 0; c < header.length; c++) {
      List<String> t = tokens.get(c);
      TreeSet<String> values = new TreeSet<>(t);
      if (values.isEmpty()) {
        values.add("(none)");
      }
      List<String> sorted = new ArrayList<>(values);
      sortedOf[c] = new int[t.size()];
      for (int i = 0; i < t.size(); i++) {
        sortedOf[c][i] = java.util.Collections.binarySearch(sorted, t.get(i));
      }
      sb.add(Variable.builder(header[c], VariableKind.CATEGORICAL)
          .values(ValueSet.ofCodes(values.toArray(String[]::new))).build());
    }
    Schema schema = sb.build();
    int[] qiCols = qis.stream().mapToInt(q -> {
      int i = schema.indexOf(q);
      if (i < 0) {
        throw new DataFormatException(in + ": header: no column '" + org.ctdc.schema.internal.Shown.name(q)
            + "', a quasi-identifier of the spec");
      }
      return i;
    }).toArray();
    // the suppressed-record token's number in each quasi-identifier column (-2: never met)
    int[] suppressedId = new int[qiCols.length];
    for (int q = 0; q < qiCols.length; q++) {
      Integer id = suppressedToken == null ? null : ids.get(qiCols[q]).get(suppressedToken);
      suppressedId[q] = id == null ? -2 : id;
    }
    boolean[] isQi = new boolean[header.length];
    for (int q : qiCols) {
      isQi[q] = true;
    }
    Dataset.Appender a = Dataset.appender(schema);
    for (int row = 0; row < rowCount; row++) {
      boolean allSuppressed = suppressedToken != null && qiCols.length > 0;
      for (int q = 0; q < qiCols.length; q++) {
        int id = cells[qiCols[q]][row];
        allSuppressed &= id == suppressedId[q] || id == SUPPRESSED_MISSING;
      }
      for (int c = 0; c < header.length; c++) {
        int id = cells[c][row];
        if (allSuppressed && isQi[c]) {
          a.setMissing(c, MissingReason.SUPPRESSED);
        } else if (id < 0) {
          a.setMissing(c, MissingReason.UNKNOWN);
        } else {
          a.setCode(c, sortedOf[c][id]);
        }
      }
      a.endRow();
    }
    return a.build();
  }
}
