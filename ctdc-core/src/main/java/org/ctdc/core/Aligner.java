package org.ctdc.core;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.ctdc.core.internal.Inputs;
import org.ctdc.core.internal.Plan;
import org.ctdc.core.internal.Run;
import org.ctdc.schema.AbstractOperationBuilder;
import org.ctdc.schema.internal.Utf8Input;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.InputStoppedException;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;

/**
 * Turns a partner's rows into a {@link Dataset} of the spec's target schema and an
 * {@link AlignmentReport}. Rows are streamed from CSV (header row; byte-order mark and CRLF accepted),
 * JSON Lines, an {@code Iterable} of maps from the partner's own code, or another {@link Dataset}
 * (crosswalks between schema versions); only the aligned output grows with the input.
 *
 * <p>Each row is evaluated rule by rule in the target schema's order; the first rule that cannot place a
 * value rejects the row with that rule's reason, column and target. In {@link AlignmentMode#LENIENT} mode
 * the run continues; in {@link AlignmentMode#STRICT} mode it stops after the first reject. Either way rows
 * read = rows aligned + rows rejected. Row numbers are 1-based data rows (the header is not counted; a
 * blank line is skipped, not numbered, and counted in {@link AlignmentReport#blankLines()}). A row of only
 * delimiters ({@code ,,,,}) or a JSON object without a value is rejected as
 * {@link RejectReason#EMPTY_ROW}.
 *
 * <p><b>An input that cannot be read to its end gives no result</b> (issue 14): a malformed CSV record
 * (an unclosed quote, after which the parser cannot find the next record), invalid UTF-8, a field, line or
 * record over a reading limit ({@value #MAX_COLUMNS} fields or keys, {@code docs/limits.md}) or an I/O
 * failure throws an {@link InputStoppedException} saying at which row it stopped, how many rows were read
 * before it (aligned + rejected), and that the rest was not read; no dataset and no report are returned,
 * so a partial output cannot pass for the whole file. A file given as a {@link Path} is decoded strictly
 * and lazily, so invalid UTF-8 is reported at the row (and CSV field) that holds it.
 *
 * <pre>{@code
 * AlignmentSpec spec = Specs.load("hotline-to-kanon-2020");
 * AlignmentResult r = Aligner.of(spec).alignCsv(Path.of("hotline.csv"));
 * DatasetCsv.write(r.dataset(), Path.of("aligned.csv"));
 * Files.writeString(Path.of("report.json"), r.report().toJson());
 * }</pre>
 *
 * <p><b>Progress and cancellation.</b> With {@link Builder#progress(ProgressListener)} the aligner reports
 * stage {@code "aligning"} every 8,192 rows read and once at the end, before the result is returned:
 * {@code done} is the number of rows read so far (rejected rows included), {@code total} the number of
 * rows of a {@link Dataset} or {@link Collection} input, else -1 (CSV, JSON Lines, other iterables). With
 * {@link Builder#cancellation(Cancellation)} the signal is checked at the same points, right after each
 * report: once it is raised the call throws {@link OperationCancelledException} and returns no result
 * (a listener may raise it). Between the checkpoints only a counter is tested per row. The defaults,
 * {@link ProgressListener#none()} and {@link Cancellation#none()}, change nothing.
 *
 * <p><b>Failures</b> (issue 16). Every failure of the input (a file that cannot be read, a header lacking a
 * column the spec reads, an input that stops before its end) and a cancelled run is a
 * {@link org.ctdc.schema.CtdcException}, so {@code catch (CtdcException e)} catches them all; a row the
 * spec cannot place is not a failure but a reject counted in the report. A null argument is a
 * {@link NullPointerException} and a setting out of range an {@link IllegalArgumentException}, each naming
 * the argument or setting: mistakes of the calling program. An exception thrown by the caller's own code
 * (a progress listener, the iterator of the rows) passes through unchanged.
 *
 * <p>This class is immutable and thread-safe: each call runs with its own state. A listener or signal
 * shared by calls on several threads must itself be thread-safe.
 */
public final class Aligner {

  /** The stage the aligner reports to its progress listener. */
  public static final String ALIGNING = org.ctdc.core.internal.Run.STAGE;

  /**
   * The default fewest rows a source value must be seen in before a report shows it: CTDC's release
   * threshold k = 11 (issue 14; see {@link Builder#showValuesSeenAtLeast(int)}).
   */
  public static final int DEFAULT_SHOW_THRESHOLD = 11;

  /** The most fields of a CSV record, and keys of a JSON Lines object, the aligner reads. */
  public static final int MAX_COLUMNS = Inputs.MAX_COLUMNS;

  /** The operation an {@link OperationCancelledException} of the aligner names. */
  public static final String OPERATION = "alignment";

  private final AlignmentSpec spec;
  private final AlignmentMode mode;
  private final int rowsListed;
  private final int showMinCount;
  private final ProgressListener progress;
  private final Cancellation cancellation;

  private Aligner(Builder b) {
    this.spec = b.spec;
    this.mode = b.mode;
    this.rowsListed = b.rowsListed;
    this.showMinCount = b.showMinCount;
    this.progress = b.progressListener();
    this.cancellation = b.cancellationSignal();
  }

  /**
   * An aligner in lenient mode with the default settings.
   *
   * @param spec the spec
   * @return the aligner
   */
  public static Aligner of(AlignmentSpec spec) {
    return builder(spec).build();
  }

  /**
   * Starts configuring an aligner.
   *
   * @param spec the spec
   * @return a new builder, not thread-safe
   */
  public static Builder builder(AlignmentSpec spec) {
    return new Builder(Objects.requireNonNull(spec, "spec"));
  }

  /** @return the spec */
  public AlignmentSpec spec() {
    return spec;
  }

  /** @return the mode */
  public AlignmentMode mode() {
    return mode;
  }

  private Run start(String source) {
    Objects.requireNonNull(source, "name");
    return new Run(new Plan(spec), source, mode, rowsListed, showMinCount).watch(progress, cancellation);
  }

  private String joiner() {
    return spec.conventions().separators().isEmpty() ? ";" : spec.conventions().separators().get(0);
  }

  /**
   * Aligns a CSV file (UTF-8, comma-delimited, header row).
   *
   * @param file the file
   * @return the aligned dataset and the report
   * @throws DataFormatException naming the file when it cannot be read, is empty, or its header lacks a
   *     column the spec reads
   * @throws InputStoppedException when the file cannot be read to its end (see the class documentation)
   * @throws OperationCancelledException when the cancellation signal is raised during the run
   */
  public AlignmentResult alignCsv(Path file) {
    Objects.requireNonNull(file, "file");
    try (Reader r = Utf8Input.open(file)) {
      return alignCsv(r, file.getFileName() == null ? file.toString() : file.getFileName().toString());
    } catch (IOException e) {
      throw new DataFormatException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Aligns CSV text; does not close the reader.
   *
   * @param in the text
   * @param name the input's name for the report and messages
   * @return the aligned dataset and the report
   * @throws DataFormatException naming the input when it is empty or its header lacks a column the spec
   *     reads
   * @throws InputStoppedException when the text cannot be read to its end (see the class documentation)
   * @throws OperationCancelledException when the cancellation signal is raised during the run
   */
  public AlignmentResult alignCsv(Reader in, String name) {
    Objects.requireNonNull(in, "in");
    Run run = start(name);
    Inputs.csv(in, name, run, ',');
    return run.finish();
  }

  /**
   * Aligns a JSON Lines file (UTF-8, one object per line).
   *
   * @param file the file
   * @return the aligned dataset and the report
   * @throws DataFormatException naming the file when it cannot be read
   * @throws InputStoppedException when the file cannot be read to its end (see the class documentation)
   * @throws OperationCancelledException when the cancellation signal is raised during the run
   */
  public AlignmentResult alignJsonLines(Path file) {
    Objects.requireNonNull(file, "file");
    try (Reader r = Utf8Input.open(file)) {
      return alignJsonLines(r, file.getFileName() == null ? file.toString() : file.getFileName().toString());
    } catch (IOException e) {
      throw new DataFormatException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Aligns JSON Lines text; does not close the reader.
   *
   * @param in the text
   * @param name the input's name
   * @return the aligned dataset and the report
   * @throws DataFormatException naming the input when it cannot be read
   * @throws InputStoppedException when the text cannot be read to its end (see the class documentation)
   * @throws OperationCancelledException when the cancellation signal is raised during the run
   */
  public AlignmentResult alignJsonLines(Reader in, String name) {
    Objects.requireNonNull(in, "in");
    Run run = start(name);
    Inputs.jsonLines(in, name, run, joiner());
    return run.finish();
  }

  /**
   * Aligns rows given as maps from column name to value (a {@code String}, a number, a boolean, or a
   * collection of values of a multi-valued field; null or absent is missing).
   *
   * @param rows the rows, iterated once; a {@link Collection}'s size is the total of the progress reports
   * @param name the input's name for the report
   * @return the aligned dataset and the report
   * @throws OperationCancelledException when the cancellation signal is raised during the run
   */
  public AlignmentResult align(Iterable<? extends Map<String, ?>> rows, String name) {
    Objects.requireNonNull(rows, "rows");
    Run run = start(name);
    run.total(rows instanceof Collection<?> c ? c.size() : -1);
    Inputs.maps(rows, run, joiner());
    return run.finish();
  }

  /**
   * Aligns the rows of a {@link RowSource}: a workbook's sheet (ctdc-excel), a SQL query
   * ({@link JdbcSource}) or another table with a header. The header is matched as a CSV header is; a
   * blank row is skipped and counted; a row of only empty cells is rejected as empty. The source is closed
   * when the call returns or fails.
   *
   * @param source the rows
   * @return the aligned dataset and the report
   * @throws DataFormatException naming the source when it cannot be opened or its header lacks a column
   *     the spec reads
   * @throws InputStoppedException when the source cannot be read to its end (a limit, a broken file, a
   *     failed query; see the class documentation)
   * @throws OperationCancelledException when the cancellation signal is raised during the run
   */
  public AlignmentResult align(RowSource source) {
    Objects.requireNonNull(source, "source");
    try (RowSource s = source) {
      Run run = start(s.name());
      Inputs.rows(s, run);
      return run.finish();
    }
  }

  /**
   * Aligns the rows of a dataset of another schema (a crosswalk between schema versions). Cells are read
   * as their release format writes them; a missing cell keeps its reason.
   *
   * @param source the dataset
   * @return the aligned dataset and the report
   * @throws OperationCancelledException when the cancellation signal is raised during the run
   */
  public AlignmentResult align(Dataset source) {
    Objects.requireNonNull(source, "source");
    Run run = start(source.schema().id());
    run.total(source.rowCount());
    Inputs.dataset(source, run);
    return run.finish();
  }

  /**
   * Configures an {@link Aligner}. Not thread-safe.
   */
  public static final class Builder extends AbstractOperationBuilder<Builder> {
    private final AlignmentSpec spec;
    private AlignmentMode mode = AlignmentMode.LENIENT;
    private int rowsListed = 1000;
    private int showMinCount = DEFAULT_SHOW_THRESHOLD;

    private Builder(AlignmentSpec spec) {
      this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** @param mode lenient (default) or strict @return this builder */
    public Builder mode(AlignmentMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * @param n the most row numbers listed per reject group (default 1000; all are counted)
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder rowsListed(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("rowsListed must not be negative, was " + n);
      }
      this.rowsListed = n;
      return this;
    }

    /**
     * Sets the release threshold of the report: an unmapped or fuzzily matched source value is shown only
     * when at least this many rows hold it (and it is not from an identifier or free-text column, and looks
     * like a code; {@code docs/alignment-spec.md}); every other value is only counted, as distinct values
     * and rows not shown. Set it to the k of the release the aligned rows feed.
     *
     * @param n the fewest rows (k); default {@value Aligner#DEFAULT_SHOW_THRESHOLD}
     * @return this builder
     * @throws IllegalArgumentException if below 2 (a value of one row is never shown)
     */
    public Builder showValuesSeenAtLeast(int n) {
      if (n < 2) {
        throw new IllegalArgumentException("showValuesSeenAtLeast must be at least 2, was " + n);
      }
      this.showMinCount = n;
      return this;
    }

    /** @return the aligner */
    public Aligner build() {
      return new Aligner(this);
    }
  }
}
