package org.ctdc.deid.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ctdc.schema.internal.Shown;

/**
 * A perturbation table for cell-key perturbation of counts, in the CSV layout of the R package ptable:
 * columns {@code i} (original count), {@code j} (published count), {@code p} (probability), {@code v}
 * (deviation {@code j - i}), {@code p_int_lb} and {@code p_int_ub} (the sub-interval of {@code [0, 1)}
 * assigned to this deviation), and ptable's {@code type}, which is ignored; any other column, or a column
 * given twice, is an error. The rows of the largest
 * {@code i} serve every larger count.
 *
 * <p>{@link #perturb} maps a cell key to {@code u = key / 2^32} in {@code [0, 1)} and adds the deviation
 * whose interval contains {@code u}. Since the cell key depends only on the set of records ({@link
 * CellKeys}), the same records always get the same noise. A loaded table is checked: every count
 * {@code 0..max i} present, intervals tiling {@code [0, 1)} in order, {@code p} equal to the interval's
 * length and summing to 1, {@code j = i + v >= 0}, and 0 mapped to 0.
 *
 * <p>{@link #standard()} is the table shipped with the library ({@code META-INF/ctdc/ptable/default.csv}):
 * maximum deviation 2, {@code js = 4} (no count 1..4 is ever published), unbiased (the expected published
 * count equals the original for every count). It was built by hand: counts 1..4 go to 0 or 5 with
 * probabilities {@code (1 - i/5, i/5)}; 5 goes to 0, 5, 6, 7 with 0.04, 0.81, 0.10, 0.05; 6 goes to 5, 6, 7,
 * 8 with 0.20, 0.65, 0.10, 0.05; 7 and above get deviations -2..2 with 0.05, 0.10, 0.70, 0.10, 0.05
 * (variance 0.6). See {@code docs/table-perturbation.md}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PerturbationTable {
  private static final double EPS = 1e-9;
  private static final String RESOURCE = "/META-INF/ctdc/ptable/default.csv";

  /** Per original count i (0..maxI): cumulative upper bounds and deviations. */
  private final double[][] upper;
  private final long[][] deviation;
  private final long js;

  private PerturbationTable(double[][] upper, long[][] deviation) {
    this.upper = upper;
    this.deviation = deviation;
    int maxI = upper.length - 1;
    long smallest = Long.MAX_VALUE;
    for (int i = 0; i <= maxI; i++) {
      for (long v : deviation[i]) {
        if (i + v >= 1) {
          smallest = Math.min(smallest, i + v);
        }
        if (i == maxI && maxI + 1 + v >= 1) {
          smallest = Math.min(smallest, maxI + 1 + v);
        }
      }
    }
    this.js = smallest == Long.MAX_VALUE ? 0 : smallest - 1;
  }

  /**
   * The table shipped with the library (maximum deviation 2, js = 4, unbiased).
   *
   * @return the standard table
   */
  public static PerturbationTable standard() {
    return Standard.TABLE;
  }

  private static final class Standard {
    static final PerturbationTable TABLE = loadStandard();

    private static PerturbationTable loadStandard() {
      try (InputStream in = PerturbationTable.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new PerturbationTableException(RESOURCE + ": resource missing from the library");
        }
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
      } catch (IOException e) {
        throw new PerturbationTableException(RESOURCE + ": cannot read", e);
      }
    }
  }

  /**
   * Reads a perturbation table CSV (comma- or semicolon-separated, with a header naming the columns).
   *
   * @param csv the file
   * @return the table
   * @throws PerturbationTableException if the file cannot be read or is not a valid table (the message
   *     names the file, row, column and rule)
   */
  public static PerturbationTable load(Path csv) {
    try {
      // a table has at most 100,001 counts of a few rows each; lines are read whole, so bound the file
      if (Files.size(csv) > MAX_FILE_BYTES) {
        throw new PerturbationTableException(csv + ": the file is larger than " + MAX_FILE_BYTES + " bytes (limit)");
      }
    } catch (IOException e) {
      throw new PerturbationTableException(csv + ": cannot read perturbation table (" + e.getClass().getSimpleName() + ")", e);
    }
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      return parse(r, csv.toString());
    } catch (IOException e) {
      throw new PerturbationTableException(csv + ": cannot read perturbation table (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** The columns of ptable's layout; {@code type} is read and ignored. */
  private static final List<String> KNOWN_COLUMNS = List.of("i", "j", "p", "v", "p_int_lb", "p_int_ub", "type");

  /** The largest perturbation table file read, in bytes. */
  public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private record Row(int line, long i, long j, double p, long v, double lb, double ub) {}

  private static PerturbationTable parse(Reader reader, String file) throws IOException {
    BufferedReader in = new BufferedReader(reader);
    String header = in.readLine();
    if (header == null) {
      throw new PerturbationTableException(file + ": row 1: missing header (i, j, p, v, p_int_lb, p_int_ub)");
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1);
    }
    String sep = header.contains(",") || !header.contains(";") ? "," : ";";
    String[] names = split(header, sep);
    String[] required = {"i", "j", "p", "v", "p_int_lb", "p_int_ub"};
    // the header is read as strictly as every other file (issue 14): a misspelt or repeated column is an
    // error, never a column silently ignored or taken twice
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String n : names) {
      if (!KNOWN_COLUMNS.contains(n)) {
        throw new PerturbationTableException(file + ": row 1 (header): unknown column '" + Shown.name(n)
            + "' (known: " + String.join(", ", KNOWN_COLUMNS) + ")");
      }
      if (!seen.add(n)) {
        throw new PerturbationTableException(file + ": row 1 (header): column '" + n + "' appears twice");
      }
    }
    int[] col = new int[required.length];
    for (int k = 0; k < required.length; k++) {
      col[k] = -1;
      for (int c = 0; c < names.length; c++) {
        if (names[c].equals(required[k])) {
          col[k] = c;
        }
      }
      if (col[k] < 0) {
        throw new PerturbationTableException(file + ": row 1 (header): missing column '" + required[k] + "'");
      }
    }
    List<Row> rows = new ArrayList<>();
    String line;
    int lineNo = 1;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = split(line, sep);
      if (f.length != names.length) {
        throw new PerturbationTableException(file + ": row " + lineNo + ": has " + f.length + " fields, the header has "
            + names.length);
      }
      long i = integer(f[col[0]], file, lineNo, "i");
      long j = integer(f[col[1]], file, lineNo, "j");
      double p = real(f[col[2]], file, lineNo, "p");
      long v = integer(f[col[3]], file, lineNo, "v");
      double lb = real(f[col[4]], file, lineNo, "p_int_lb");
      double ub = real(f[col[5]], file, lineNo, "p_int_ub");
      if (i < 0) {
        throw err(file, lineNo, "i", "must not be negative");
      }
      if (j < 0) {
        throw err(file, lineNo, "j", "must not be negative");
      }
      if (j != i + v) {
        throw err(file, lineNo, "v", "must equal j - i");
      }
      if (!(p >= 0 && p <= 1)) {
        throw err(file, lineNo, "p", "must be a probability in [0, 1]");
      }
      if (!(lb >= 0 && ub <= 1 + EPS && lb <= ub)) {
        throw err(file, lineNo, "p_int_ub", "interval must satisfy 0 <= p_int_lb <= p_int_ub <= 1");
      }
      if (Math.abs((ub - lb) - p) > 1e-6) {
        throw err(file, lineNo, "p", "must equal p_int_ub - p_int_lb");
      }
      if (i == 0 && j != 0 && p > 0) {
        throw err(file, lineNo, "j", "a count of 0 must stay 0 (zeros stay zero)");
      }
      rows.add(new Row(lineNo, i, j, p, v, lb, ub));
    }
    if (rows.isEmpty()) {
      throw new PerturbationTableException(file + ": no rows");
    }
    long maxI = rows.stream().mapToLong(Row::i).max().orElseThrow();
    if (maxI > 100_000) {
      throw new PerturbationTableException(file + ": column 'i': counts above 100000 are not supported");
    }
    List<List<Row>> byI = new ArrayList<>();
    for (int k = 0; k <= maxI; k++) {
      byI.add(new ArrayList<>());
    }
    for (Row r : rows) {
      byI.get((int) r.i()).add(r);
    }
    double[][] upper = new double[(int) maxI + 1][];
    long[][] dev = new long[(int) maxI + 1][];
    int lastLine = rows.get(rows.size() - 1).line();
    for (int k = 0; k <= maxI; k++) {
      List<Row> rs = byI.get(k);
      if (rs.isEmpty()) {
        throw new PerturbationTableException(file + ": row " + lastLine + ": column 'i': no rows for count " + k
            + " (every count from 0 to the largest i must be present)");
      }
      double expect = 0;
      double sum = 0;
      upper[k] = new double[rs.size()];
      dev[k] = new long[rs.size()];
      for (int q = 0; q < rs.size(); q++) {
        Row r = rs.get(q);
        if (Math.abs(r.lb() - expect) > EPS) {
          throw err(file, r.line(), "p_int_lb", "must equal the previous row's p_int_ub for i = " + k
              + " (intervals must tile [0, 1) in order)");
        }
        expect = r.ub();
        sum += r.p();
        upper[k][q] = q == rs.size() - 1 ? 1.0 : r.ub();
        dev[k][q] = r.v();
      }
      Row last = rs.get(rs.size() - 1);
      if (Math.abs(expect - 1) > EPS) {
        throw err(file, last.line(), "p_int_ub", "the last interval for i = " + k + " must end at 1");
      }
      if (Math.abs(sum - 1) > 1e-6) {
        throw err(file, last.line(), "p", "probabilities for i = " + k + " must sum to 1");
      }
    }
    return new PerturbationTable(upper, dev);
  }

  private static PerturbationTableException err(String file, int line, String column, String rule) {
    return new PerturbationTableException(file + ": row " + line + ": column '" + column + "': " + rule);
  }

  private static String[] split(String line, String sep) {
    String[] f = line.split(sep, -1);
    for (int k = 0; k < f.length; k++) {
      String s = f[k].strip();
      if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
        s = s.substring(1, s.length() - 1);
      }
      f[k] = s;
    }
    return f;
  }

  private static long integer(String s, String file, int line, String column) {
    try {
      double d = Double.parseDouble(s);
      if (d != Math.rint(d) || Math.abs(d) > 1e15) {
        throw err(file, line, column, "must be an integer");
      }
      return (long) d;
    } catch (NumberFormatException e) {
      throw err(file, line, column, "not a number");
    }
  }

  private static double real(String s, String file, int line, String column) {
    try {
      double d = Double.parseDouble(s.toLowerCase(Locale.ROOT));
      if (!Double.isFinite(d)) {
        throw err(file, line, column, "must be finite");
      }
      return d;
    } catch (NumberFormatException e) {
      throw err(file, line, column, "not a number");
    }
  }

  /**
   * The published count of a cell.
   *
   * @param count the original count, at least 0
   * @param cellKey the cell's key from {@link CellKeys#cellKey}, in {@code [0, 2^32)}
   * @return the perturbed count: 0 for 0, never in {@code 1..js()}
   * @throws IllegalArgumentException if the count is negative or the key out of range
   */
  public long perturb(long count, long cellKey) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    if (cellKey < 0 || cellKey >= CellKeys.KEY_RANGE) {
      throw new IllegalArgumentException("cell key must lie in [0, 2^32)");
    }
    int i = (int) Math.min(count, upper.length - 1);
    double u = cellKey / (double) CellKeys.KEY_RANGE;
    double[] ub = upper[i];
    int q = 0;
    while (q < ub.length - 1 && u >= ub[q]) {
      q++;
    }
    return count + deviation[i][q];
  }

  /**
   * The largest {@code js} such that no count in {@code 1..js} is ever published.
   *
   * @return js, 0 when small counts may be published
   */
  public long js() {
    return js;
  }

  /**
   * The largest original count with its own rows; larger counts use its deviations.
   *
   * @return the largest {@code i}
   */
  public int maxCount() {
    return upper.length - 1;
  }
}
