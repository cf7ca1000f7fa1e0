package org.ctdc.schema.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import org.ctdc.schema.AtomicFiles;
import org.ctdc.schema.CsvWriteOptions;
import org.ctdc.schema.CsvWriteSummary;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.ReleaseFormat;
import org.ctdc.schema.Variable;

/** Writes a {@code Dataset} as CSV under its schema's release format. Stateless and thread-safe. Not API. */
public final class CsvDatasetWriter {

  private static final CsvMapper MAPPER = new CsvMapper();

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
    long neutralised = 0;
    try (CsvGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setSchema(csvSchema(d.schema().format()));
      g.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
      if (cols == 1) {
        // a single empty field would otherwise be an empty line
        g.enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS);
      }
      g.writeStartArray();
      for (Variable v : d.schema().variables()) {
        neutralised += cell(g, v.name(), options);
      }
      g.writeEndArray();
      int rows = d.rowCount();
      for (int r = 0; r < rows; r++) {
        g.writeStartArray();
        for (int c = 0; c < cols; c++) {
          neutralised += cell(g, d.token(r, c), options);
        }
        g.writeEndArray();
      }
      g.flush();
      return new CsvWriteSummary(rows, options.formulaGuard(), neutralised);
    } catch (IOException e) {
      throw new DataFormatException(AtomicFiles.cannotWrite(name, e).getMessage(), e);
    }
  }

  private static int cell(CsvGenerator g, String token, CsvWriteOptions options) throws IOException {
    String written = options.cell(token);
    g.writeString(written);
    // the guard returns the very same string when it leaves a cell alone
    return written == token ? 0 : 1;
  }
}
