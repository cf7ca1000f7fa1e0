package org.ctdc.schema.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.InferredSchemas;
import org.ctdc.schema.InputStoppedException;
import org.ctdc.schema.ReleaseFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19: the one-pass, chunked and parallel read of a CSV with an inferred schema gives what inferring
 * and then reading gives (the same dataset, report, and errors with their row numbers), on random files
 * with quotes, CRLF, embedded line breaks, blank lines, empty rows, short and long rows, missing values,
 * stray quotes, lone CRs and invalid UTF-8; for any thread count and chunk size.
 */
class Issue19FastCsvReadTest {

  @TempDir Path dir;

  static final String[] VALUES = {"a", "b", "c", "Zeta", "10", "9", "", "", "é", "日本", "a b", "-99", "NA", "=A1+1", "@cmd"};

  /** A random CSV file's bytes. */
  static byte[] randomCsv(SplittableRandom rnd, char delimiter) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int width = 2 + rnd.nextInt(4);
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < width; c++) {
      sb.append(c == 0 ? "" : String.valueOf(delimiter)).append(rnd.nextInt(8) == 0 ? "\"col " + c + "\"" : "col" + c);
    }
    sb.append(rnd.nextInt(4) == 0 ? "\r\n" : "\n");
    boolean rare = rnd.nextInt(3) == 0;
    int rows = rnd.nextInt(60);
    for (int r = 0; r < rows; r++) {
      int kind = rnd.nextInt(40);
      if (kind == 0) {
        sb.append('\n'); // blank line
        continue;
      }
      if (kind == 1) {
        sb.append(String.valueOf(delimiter).repeat(width - 1)).append('\n'); // empty row
        continue;
      }
      if (kind == 2 && rare) {
        sb.append("   \n"); // a blank line of spaces
        continue;
      }
      int n = kind == 3 ? width - 1 : kind == 4 && rare ? width + 1 : width;
      for (int f = 0; f < n; f++) {
        if (f > 0) {
          sb.append(delimiter);
        }
        int v = rnd.nextInt(100);
        if (v < 6) {
          sb.append("\"quoted ").append(delimiter).append(" value\"");
        } else if (v < 9) {
          sb.append("\"with \"\"quote\"\"\"");
        } else if (v < 12) {
          sb.append("\"line\nbreak\"");
        } else if (v < 14) {
          sb.append("\"crlf\r\nbreak\"");
        } else if (v < 15 && rare) {
          sb.append("stray\"quote");
        } else if (v < 16 && rare) {
          sb.append("lone\rcr");
        } else if (v < 17 && rare) {
          sb.append("\"unclosed");
        } else if (v < 18 && rare) {
          sb.append(' ');
        } else {
          sb.append(VALUES[rnd.nextInt(VALUES.length)]);
        }
      }
      sb.append(rnd.nextInt(4) == 0 ? "\r\n" : "\n");
    }
    if (rnd.nextInt(4) == 0 && sb.length() > 0) {
      sb.setLength(sb.length() - 1); // no final line end (or a lone CR left of a CRLF)
    }
    byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
    out.writeBytes(text);
    if (rare && rnd.nextInt(4) == 0 && text.length > 10) {
      byte[] b = out.toByteArray();
      b[text.length / 2 + rnd.nextInt(text.length / 2)] = (byte) 0xC3; // maybe invalid UTF-8
      return b;
    }
    return out.toByteArray();
  }

  /** The serial way, as a comparable outcome: the result, or the failure's class and message. */
  static Object serial(Path file, char delimiter, List<String> missing, DatasetCsv.CsvOptions options) {
    try {
      return outcome(DatasetCsv.read(file, InferredSchemas.fromCsv(file, delimiter, missing), options));
    } catch (CtdcException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  static List<Object> outcome(DatasetCsv.ReadResult r) {
    return List.of(r.dataset(), r.dataset().schema(), r.report().file(), r.report().rowsRead(),
        r.report().invalidRows(), r.report().errors(), r.report().errorCount(), r.report().blankLines());
  }

  static Object fast(Path file, char delimiter, List<String> missing, DatasetCsv.CsvOptions options, int threads,
      long chunk) throws IOException {
    ReleaseFormat format = new ReleaseFormat(missing, "1", "0", ";", delimiter);
    String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
    try {
      DatasetCsv.ReadResult r = FastCsvRead.readInferred(file,
          (h, v) -> FastCsvRead.inferredSchema(file.toString(), name, format, h, v), format, options, threads, chunk, 0);
      return r == null ? null : outcome(r);
    } catch (CtdcException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void issue19_chunkedParallelReadEqualsInferThenRead(long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    AtomicInteger fastCount = new AtomicInteger();
    int files = 150;
    for (int i = 0; i < files; i++) {
      char delimiter = rnd.nextInt(3) == 0 ? ';' : ',';
      List<String> missing = rnd.nextInt(3) == 0 ? List.of("", "NA") : List.of("");
      DatasetCsv.CsvOptions options = DatasetCsv.CsvOptions.defaults().withErrorLimit(rnd.nextInt(4));
      byte[] bytes = randomCsv(rnd, delimiter);
      Path file = dir.resolve("f.csv");
      Files.write(file, bytes);
      Object expected = serial(file, delimiter, missing, options);
      boolean counted = false;
      for (int threads : new int[] {1, 2, 3}) {
        for (long chunk : new long[] {1, 7, 40, 1 << 20}) {
          Object got = fast(file, delimiter, missing, options, threads, chunk);
          if (got != null) {
            assertEquals(expected, got, "seed " + seed + " file " + i + " threads " + threads + " chunk " + chunk
                + ": " + new String(bytes, StandardCharsets.UTF_8).replace("\r", "\\r"));
            counted = true;
          }
        }
        // the public way: always the serial outcome, errors included
        Object pub;
        try {
          pub = outcome(InferredSchemas.readCsv(file, delimiter, missing, options, threads));
        } catch (CtdcException e) {
          pub = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        assertEquals(expected, pub, "seed " + seed + " file " + i);
      }
      if (counted) {
        fastCount.incrementAndGet();
      }
    }
    // the property is not vacuous: most files are regular and read the fast way
    assertTrue(fastCount.get() > files / 3, "read the fast way: " + fastCount.get() + " of " + files);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void issue19_parallelBlockWriteGivesTheBytesOfASerialWrite(long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    int compared = 0;
    for (int i = 0; i < 60; i++) {
      byte[] bytes = randomCsv(rnd, ',');
      Path file = dir.resolve("w.csv");
      Files.write(file, bytes);
      DatasetCsv.ReadResult r;
      try {
        r = InferredSchemas.readCsv(file, ',', List.of(""), DatasetCsv.CsvOptions.defaults(), 1);
      } catch (CtdcException e) {
        continue;
      }
      for (org.ctdc.schema.CsvWriteOptions options : List.of(org.ctdc.schema.CsvWriteOptions.defaults(),
          org.ctdc.schema.CsvWriteOptions.defaults().withFormulaGuard(false))) {
        java.io.StringWriter serial = new java.io.StringWriter();
        org.ctdc.schema.CsvWriteSummary one = CsvDatasetWriter.write(r.dataset(), serial, "w", options, 1, 1 << 20);
        for (int threads : new int[] {1, 2, 3}) {
          for (int block : new int[] {1, 2, 5, 1000}) {
            java.io.StringWriter w = new java.io.StringWriter();
            org.ctdc.schema.CsvWriteSummary s = CsvDatasetWriter.write(r.dataset(), w, "w", options, threads, block);
            assertEquals(serial.toString(), w.toString(), "threads " + threads + " block " + block);
            assertEquals(one, s);
          }
        }
        // and the public way
        java.io.StringWriter pub = new java.io.StringWriter();
        DatasetCsv.write(r.dataset(), pub, options);
        assertEquals(serial.toString(), pub.toString());
      }
      compared++;
    }
    assertTrue(compared > 10, "compared " + compared);
  }

  @Test
  void issue19_aCutInsideAQuotedLineBreakFallsBackToOneChunkWithTheSameResult() throws IOException {
    StringBuilder sb = new StringBuilder("a,b\n");
    for (int r = 0; r < 200; r++) {
      sb.append(r % 7).append(",\"x\n").append(r % 3).append("\n\"\n");
    }
    Path file = dir.resolve("q.csv");
    Files.writeString(file, sb.toString());
    Object expected = serial(file, ',', List.of(""), DatasetCsv.CsvOptions.defaults());
    for (long chunk : new long[] {1, 3, 5, 11}) {
      Object got = fast(file, ',', List.of(""), DatasetCsv.CsvOptions.defaults(), 2, chunk);
      assertNotNull(got);
      assertEquals(expected, got);
    }
  }

  @Test
  void issue19_aTruncatedQuoteIsStillAnInputStoppedExceptionWithItsRow() throws IOException {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "a,b\n1,2\n3,4\n5,\"unclosed\n");
    assertNull(fast(file, ',', List.of(""), DatasetCsv.CsvOptions.defaults(), 2, 1));
    InputStoppedException e = org.junit.jupiter.api.Assertions.assertThrows(InputStoppedException.class,
        () -> InferredSchemas.readCsv(file, ',', List.of(""), DatasetCsv.CsvOptions.defaults(), 2));
    assertEquals(serial(file, ',', List.of(""), DatasetCsv.CsvOptions.defaults()),
        e.getClass().getSimpleName() + ": " + e.getMessage());
    assertTrue(e.getMessage().contains("row 3"), e.getMessage());
  }
}
