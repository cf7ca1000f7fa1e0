package org.ctdc.schema.internal;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ctdc.schema.AtomicFiles;
import org.ctdc.schema.CsvWriteOptions;
import org.ctdc.schema.CsvWriteSummary;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.ReleaseFormat;
import org.ctdc.schema.Variable;

/**
 * Writes a {@code Dataset} as CSV under its schema's release format, line by line with {@link CsvLine}, in
 * blocks of rows rendered on several threads and written in order. Stateless and thread-safe. Not API.
 */
public final class CsvDatasetWriter {

  private CsvDatasetWriter() {}

  /**
   * The Jackson CSV schema of a release format: its delimiter, double quotes, no escape character.
   *
   * @param format the release format
   * @return the CSV schema
   */
  public static CsvSchema csvSchema(ReleaseFormat format) {
    return CsvSchema.emptySchema()
        .withColumnSeparator(format.delimiter())
        .withQuoteChar('"')
        .withoutEscapeChar()
        .withLineSeparator("\n");
  }

  /**
   * Writes the header and every row, each cell through the options' formula guard; flushes, does not close.
   *
   * @param d the dataset
   * @param out where to write
   * @param name the file name for messages
   * @param options how cells are written
   * @return the rows written and the cells neutralised
   * @throws DataFormatException naming the file and the reason on an I/O failure (the I/O failure is its
   *     cause, so that a caller that knows the file can name it)
   */
  public static CsvWriteSummary write(Dataset d, Writer out, String name, CsvWriteOptions options) {
    return write(d, out, name, options, Runtime.getRuntime().availableProcessors(), BLOCK_ROWS);
  }

  /**
   * As {@link #write(Dataset, Writer, String, CsvWriteOptions)}, rendering blocks of rows on several threads
   * (issue 19) and handing them to the writer in order, so the bytes are those of one thread.
   *
   * @param d the dataset
   * @param out where to write
   * @param name the file name for messages
   * @param options how cells are written
   * @param threads the threads that render blocks, at least 1 (1: this thread only)
   * @param blockRows rows per block, at least 1
   * @return the rows written and the cells neutralised
   */
  public static CsvWriteSummary write(Dataset d, Writer out, String name, CsvWriteOptions options, int threads,
      int blockRows) {
    char delimiter = d.schema().format().delimiter();
    int rows = d.rowCount();
    long neutralised = 0;
    try {
      StringBuilder head = new StringBuilder();
      neutralised += CsvLine.append(head, d.schema().variables().stream().map(Variable::name).toList(), delimiter,
          options);
      out.write(head.toString());
      int blocks = (int) ((rows + (long) blockRows - 1) / blockRows);
      if (threads <= 1 || blocks <= 1) {
        for (int b = 0; b < blocks; b++) {
          Block block = render(d, b * blockRows, (int) Math.min(rows, (long) (b + 1) * blockRows), options);
          out.write(block.text());
          neutralised += block.neutralised();
        }
      } else {
        neutralised += writeParallel(d, out, options, threads, blockRows, blocks);
      }
      out.flush();
      return new CsvWriteSummary(rows, options.formulaGuard(), neutralised);
    } catch (IOException e) {
      throw new DataFormatException(AtomicFiles.cannotWrite(name, e).getMessage(), e);
    }
  }

  /** The text of a block of rows and the cells the guard neutralised in it. */
  private record Block(String text, long neutralised) {}

  private static Block render(Dataset d, int from, int to, CsvWriteOptions options) {
    int cols = d.columnCount();
    char delimiter = d.schema().format().delimiter();
    StringBuilder sb = new StringBuilder(Math.max(16, (to - from) * 8 * Math.max(1, cols)));
    String[] row = new String[cols];
    List<String> fields = Arrays.asList(row);
    long neutralised = 0;
    for (int r = from; r < to; r++) {
      for (int c = 0; c < cols; c++) {
        row[c] = d.token(r, c);
      }
      neutralised += CsvLine.append(sb, fields, delimiter, options);
    }
    return new Block(sb.toString(), neutralised);
  }

  /** Renders blocks on a pool, at most two per thread ahead of the writer, and writes them in order. */
  private static long writeParallel(Dataset d, Writer out, CsvWriteOptions options, int threads, int blockRows,
      int blocks) throws IOException {
    int rows = d.rowCount();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ctdc-csv-write");
      t.setDaemon(true);
      return t;
    });
    long neutralised = 0;
    try {
      ArrayDeque<Future<Block>> ahead = new ArrayDeque<>();
      int next = 0;
      for (int written = 0; written < blocks; written++) {
        while (next < blocks && ahead.size() < 2 * threads) {
          int from = next * blockRows;
          int to = (int) Math.min(rows, (long) (next + 1) * blockRows);
          ahead.add(pool.submit(() -> render(d, from, to, options)));
          next++;
        }
        Block b = await(java.util.Objects.requireNonNull(ahead.poll()));
        out.write(b.text());
        neutralised += b.neutralised();
      }
      return neutralised;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Block await(Future<Block> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while writing");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Rows rendered per block. */
  static final int BLOCK_ROWS = 16_384;

}
