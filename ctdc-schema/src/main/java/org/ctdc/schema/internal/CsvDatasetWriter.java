package org.ctdc.schema.internal;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import org.ctdc.schema.AtomicFiles;
import org.ctdc.schema.CsvWriteOptions;
import org.ctdc.schema.CsvWriteSummary;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.ReleaseFormat;
import org.ctdc.schema.Variable;

/**
 * Writes a {@code Dataset} as CSV under its schema's release format, line by line with {@link CsvLine}.
 * Stateless and thread-safe. Not API.
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
    int cols = d.columnCount();
    char delimiter = d.schema().format().delimiter();
    long neutralised = 0;
    try {
      StringBuilder sb = new StringBuilder(BUFFER);
      neutralised += CsvLine.append(sb, d.schema().variables().stream().map(Variable::name).toList(), delimiter,
          options);
      String[] row = new String[cols];
      List<String> fields = Arrays.asList(row);
      int rows = d.rowCount();
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          row[c] = d.token(r, c);
        }
        neutralised += CsvLine.append(sb, fields, delimiter, options);
        if (sb.length() >= BUFFER) {
          out.write(sb.toString());
          sb.setLength(0);
        }
      }
      out.write(sb.toString());
      out.flush();
      return new CsvWriteSummary(rows, options.formulaGuard(), neutralised);
    } catch (IOException e) {
      throw new DataFormatException(AtomicFiles.cannotWrite(name, e).getMessage(), e);
    }
  }

  /** Characters gathered before they are handed to the writer. */
  private static final int BUFFER = 1 << 16;
}
