package org.ctdc.schema.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.ctdc.schema.CellError;
import org.ctdc.schema.Code;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.Role;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.ReleaseFormat;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValidationReport;
import org.jspecify.annotations.Nullable;

/**
 * One pass over a CSV file that infers its schema and reads its rows at once, in parallel chunks (issue 19):
 * the result equals inferring the schema ({@code InferredSchemas.fromCsv}) and then reading the file with it
 * ({@code DatasetCsv.read}), the same dataset and the same report, for any number of threads.
 *
 * <p>It reads only the regular files it can read exactly: UTF-8 without a byte-order mark, fields quoted
 * only whole (a quote opens a field, doubled quotes inside, the closing quote followed by the delimiter or
 * the line end), LF or CRLF line ends, a header of two or more distinct names, no field or row over a limit,
 * no row with more fields than the header, no blank value. For anything else (a stray quote, a lone CR,
 * invalid UTF-8, a limit, a header or value the inference rejects) it returns {@code null} and the caller
 * takes the two-pass serial way, which gives the exact error or result; so every error keeps its message
 * and row number.
 *
 * <p>Chunks: the file is cut at line ends into chunks of about {@value #CHUNK_BYTES} bytes. A cut is taken
 * as a record boundary and checked: the chunk before it must end outside a quoted field. When a cut falls
 * inside a quoted field (a line break inside quotes), the file is read again as one chunk. Each chunk
 * dictionary-encodes its columns in first-seen order; the merge sorts the union of the chunks' values per
 * column (as the inference does) and maps each chunk's codes to it, so that the codes do not depend on the
 * chunks or the threads.
 *
 * <p>Not API. The class is thread-safe (static methods; each call has its own state).
 */
public final class FastCsvRead {

  /** The target size of a chunk. */
  static final int CHUNK_BYTES = 16 << 20;

  /** Smaller files are read as one chunk. */
  static final long PARALLEL_FROM_BYTES = 4L << 20;

  private FastCsvRead() {}

  /**
   * The inferred schema and the rows, or null when the file needs the serial readers.
   *
   * @param file the file
   * @param schemaOf how the inference builds the schema from the header and the sorted values per column
   *     (it may throw the inference's errors)
   * @param format the inferred schema's release format (delimiter, missing tokens)
   * @param options the read's limits and error limit
   * @param threads the threads to use, at least 1
   * @return the result, or null
   * @throws IOException when the file cannot be read
   */
  public static DatasetCsv.@Nullable ReadResult readInferred(
      Path file, BiFunction<List<String>, List<TreeSet<String>>, Schema> schemaOf, ReleaseFormat format,
      DatasetCsv.CsvOptions options, int threads) throws IOException {
    return readInferred(file, schemaOf, format, options, threads, CHUNK_BYTES, PARALLEL_FROM_BYTES);
  }

  /** As above with the chunk size and the smallest file cut into chunks (tests cut small files). */
  static DatasetCsv.@Nullable ReadResult readInferred(
      Path file, BiFunction<List<String>, List<TreeSet<String>>, Schema> schemaOf, ReleaseFormat format,
      DatasetCsv.CsvOptions options, int threads, long chunkBytes, long parallelFrom) throws IOException {
    char delimiter = format.delimiter();
    if (delimiter >= 0x80 || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      return null;
    }
    DatasetCsv.CsvOptions defaults = DatasetCsv.CsvOptions.defaults();
    int maxField = Math.min(options.maxFieldLength(), defaults.maxFieldLength());
    int maxColumns = Math.min(options.maxColumns(), defaults.maxColumns());
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      // the header: the first record, read from the first bytes of the file
      byte[] head = read(ch, 0, (int) Math.min(size, 1 << 20));
      if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
        return null;
      }
      Chunk headerChunk = new Chunk(head, 0, head.length, head.length == size, (byte) delimiter, format, maxField,
          Integer.MAX_VALUE, maxColumns);
      List<String> header = headerChunk.header();
      if (header == null || header.size() < 2) {
        return null;
      }
      HashSet<String> seen = new HashSet<>();
      for (String h : header) {
        if (h.isEmpty() || !seen.add(h)) {
          return null;
        }
      }
      long dataStart = headerChunk.pos;
      int width = header.size();
      List<long[]> ranges = cut(ch, dataStart, size, threads, chunkBytes, parallelFrom);
      List<Chunk> chunks = parse(ch, ranges, size, (byte) delimiter, format, maxField, width, maxColumns, threads,
          options.errorLimit());
      if (chunks == null) {
        // a cut inside a quoted field: one chunk
        chunks = parse(ch, List.of(new long[] {dataStart, size}), size, (byte) delimiter, format, maxField, width,
            maxColumns, 1, options.errorLimit());
      }
      if (chunks == null) {
        return null;
      }
      return merge(file.toString(), header, chunks, schemaOf, options);
    }
  }

  private static byte[] read(FileChannel ch, long from, int length) throws IOException {
    byte[] b = new byte[length];
    ByteBuffer bb = ByteBuffer.wrap(b);
    long at = from;
    while (bb.hasRemaining()) {
      int n = ch.read(bb, at);
      if (n < 0) {
        throw new IOException("the file became shorter while it was read");
      }
      at += n;
    }
    return b;
  }

  /** Ranges [start, end) cut just after a line feed near each multiple of the chunk size. */
  private static List<long[]> cut(FileChannel ch, long start, long size, int threads, long chunkBytes,
      long parallelFrom) throws IOException {
    List<long[]> ranges = new ArrayList<>();
    if (size - start < parallelFrom) {
      ranges.add(new long[] {start, size});
      return ranges;
    }
    long target = Math.max(Math.min(chunkBytes, 1 << 20), Math.min(chunkBytes, (size - start) / (threads * 2L)));
    long from = start;
    while (size - from > target + (target >> 1)) {
      long probe = from + target;
      byte[] window = read(ch, probe, (int) Math.min(1 << 16, size - probe));
      int nl = -1;
      for (int i = 0; i < window.length; i++) {
        if (window[i] == '\n') {
          nl = i;
          break;
        }
      }
      if (nl < 0) {
        break;
      }
      long end = probe + nl + 1;
      ranges.add(new long[] {from, end});
      from = end;
    }
    ranges.add(new long[] {from, size});
    return ranges;
  }

  private static @Nullable List<Chunk> parse(FileChannel ch, List<long[]> ranges, long size, byte delimiter,
      ReleaseFormat format, int maxField, int width, int maxColumns, int threads, int errorCap) throws IOException {
    List<Chunk> chunks = new ArrayList<>();
    if (ranges.size() == 1 || threads <= 1) {
      for (long[] r : ranges) {
        Chunk c = parseOne(ch, r, size, delimiter, format, maxField, width, maxColumns, errorCap);
        if (c.failed) {
          return c.cutInQuotes && ranges.size() > 1 ? null : failedList();
        }
        chunks.add(c);
      }
      return chunks;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, ranges.size()), r -> {
      Thread t = new Thread(r, "ctdc-csv-read");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Chunk>> futures = new ArrayList<>();
      for (long[] r : ranges) {
        futures.add(pool.submit(() -> parseOne(ch, r, size, delimiter, format, maxField, width, maxColumns, errorCap)));
      }
      boolean cutInQuotes = false;
      boolean failed = false;
      for (Future<Chunk> f : futures) {
        Chunk c = get(f);
        chunks.add(c);
        if (c.failed) {
          failed = true;
          cutInQuotes |= c.cutInQuotes;
        }
      }
      if (failed) {
        return cutInQuotes ? null : failedList();
      }
      return chunks;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A list holding one failed chunk: the serial readers must read the file. */
  private static List<Chunk> failedList() {
    return List.of();
  }

  private static Chunk get(Future<Chunk> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static Chunk parseOne(FileChannel ch, long[] r, long size, byte delimiter, ReleaseFormat format,
      int maxField, int width, int maxColumns, int errorCap) throws IOException {
    long length = r[1] - r[0];
    if (length > Integer.MAX_VALUE - 16) {
      Chunk c = new Chunk(new byte[0], 0, 0, true, delimiter, format, maxField, width, maxColumns);
      c.failed = true;
      return c;
    }
    byte[] b = read(ch, r[0], (int) length);
    Chunk c = new Chunk(b, 0, b.length, r[1] == size, delimiter, format, maxField, width, maxColumns);
    c.errorCap = errorCap;
    c.rows();
    return c;
  }

  private static DatasetCsv.@Nullable ReadResult merge(String file, List<String> header, List<Chunk> chunks,
      BiFunction<List<String>, List<TreeSet<String>>, Schema> schemaOf, DatasetCsv.CsvOptions options) {
    if (chunks.isEmpty()) {
      return null;
    }
    int width = header.size();
    long rowsRead = 0;
    long inferredRows = 0;
    for (Chunk c : chunks) {
      rowsRead += c.rowsRead;
      inferredRows += c.inferredRows;
    }
    if (rowsRead > options.maxRows() || inferredRows > DatasetCsv.CsvOptions.MAX_ROWS) {
      return null;
    }
    // the values per column that the inference sees, sorted as it sorts them
    List<TreeSet<String>> values = new ArrayList<>();
    for (int col = 0; col < width; col++) {
      TreeSet<String> vs = new TreeSet<>();
      for (Chunk c : chunks) {
        c.dicts[col].addCounted(vs);
      }
      values.add(vs);
    }
    for (TreeSet<String> vs : values) {
      if (vs.isEmpty()) {
        return null;
      }
    }
    Schema schema = schemaOf.apply(header, values);
    for (int col = 0; col < width; col++) {
      if (schema.indexOf(header.get(col)) != col) {
        return null;
      }
    }
    // per chunk and column: local code -> code of the sorted value set (-1 for a missing token)
    List<CellError> errors = new ArrayList<>();
    long errorCount = 0;
    long invalid = 0;
    long blank = 0;
    long before = 0;
    Dataset.Appender a = Dataset.appender(schema);
    int[] row = new int[width];
    long[] masks = new long[width];
    int[] missing = new int[width];
    for (Chunk c : chunks) {
      int[][] map = new int[width][];
      for (int col = 0; col < width; col++) {
        map[col] = c.dicts[col].mapTo(values.get(col));
      }
      for (int i = 0; i < c.errorRows.size(); i++) {
        errorCount++;
        if (errors.size() < options.errorLimit()) {
          errors.add(new CellError(before + c.errorRows.get(i), CellError.WHOLE_ROW, c.errorRules.get(i),
              c.errorDetails.get(i)));
        }
      }
      invalid += c.errorTotal;
      errorCount += c.errorTotal - c.errorRows.size();
      blank += c.blankLines;
      before += c.rowsRead;
      int n = c.validRows;
      for (int r = 0; r < n; r++) {
        for (int col = 0; col < width; col++) {
          int local = c.codes[col][r];
          int code = local < 0 ? -1 : map[col][local];
          if (code < 0) {
            missing[col] = Dataset.MISSING_UNKNOWN;
          } else {
            missing[col] = 0;
            row[col] = code;
          }
        }
        a.appendRow(row, masks, missing);
      }
      c.codes = new int[0][];
    }
    ValidationReport report = ValidationReport.of(file, rowsRead, invalid, errors, errorCount, blank);
    return new DatasetCsv.ReadResult(a.build(), report);
  }

  /** A dictionary of one column in one chunk: byte strings to local codes in first-seen order. */
  static final class Dict {
    private int[] table = new int[64];
    private byte[][] keys = new byte[16][];
    private int[] hashes = new int[16];
    private @Nullable String[] strings = new String[16];
    /** Per code: 1 missing token, 2 blank, 4 counted by the inference. */
    private byte[] flags = new byte[16];
    private int size;

    Dict() {
      Arrays.fill(table, -1);
    }

    int size() {
      return size;
    }

    /** The code of bytes, added when new; -2 when they are not valid UTF-8. */
    int code(byte[] b, int from, int to, int hash, ReleaseFormat format, CharsetDecoder decoder) {
      int mask = table.length - 1;
      int slot = hash & mask;
      int len = to - from;
      while (true) {
        int c = table[slot];
        if (c < 0) {
          break;
        }
        if (hashes[c] == hash && keys[c].length == len && Arrays.equals(keys[c], 0, len, b, from, to)) {
          return c;
        }
        slot = (slot + 1) & mask;
      }
      String s;
      try {
        s = decoder.decode(ByteBuffer.wrap(b, from, len)).toString();
      } catch (CharacterCodingException e) {
        return -2;
      }
      if (size == keys.length) {
        int n = size * 2;
        keys = Arrays.copyOf(keys, n);
        hashes = Arrays.copyOf(hashes, n);
        strings = Arrays.copyOf(strings, n);
        flags = Arrays.copyOf(flags, n);
      }
      int c = size++;
      keys[c] = Arrays.copyOfRange(b, from, to);
      hashes[c] = hash;
      strings[c] = s;
      flags[c] = (byte) ((format.isMissing(s) ? 1 : 0) | (s.isBlank() ? 2 : 0));
      table[slot] = c;
      if (size * 2 > table.length) {
        rehash();
      }
      return c;
    }

    private void rehash() {
      int[] t = new int[table.length * 2];
      Arrays.fill(t, -1);
      int mask = t.length - 1;
      for (int c = 0; c < size; c++) {
        int slot = hashes[c] & mask;
        while (t[slot] >= 0) {
          slot = (slot + 1) & mask;
        }
        t[slot] = c;
      }
      table = t;
    }

    boolean isMissing(int c) {
      return (flags[c] & 1) != 0;
    }

    boolean isBlank(int c) {
      return (flags[c] & 2) != 0;
    }

    boolean isEmpty(int c) {
      return keys[c].length == 0;
    }

    int length(int c) {
      return java.util.Objects.requireNonNull(strings[c]).length();
    }

    void count(int c) {
      flags[c] |= 4;
    }

    void addCounted(TreeSet<String> out) {
      for (int c = 0; c < size; c++) {
        if ((flags[c] & 5) == 4) {
          out.add(java.util.Objects.requireNonNull(strings[c]));
        }
      }
    }

    int[] mapTo(TreeSet<String> sorted) {
      List<String> list = new ArrayList<>(sorted);
      int[] m = new int[size];
      for (int c = 0; c < size; c++) {
        m[c] = isMissing(c) ? -1 : java.util.Collections.binarySearch(list, strings[c]);
      }
      return m;
    }
  }

  /** The parse of one range of the file; not thread-safe. */
  static final class Chunk {
    private final byte[] b;
    private int pos;
    private final int end;
    private final boolean last;
    private final byte delimiter;
    private final ReleaseFormat format;
    private final int maxField;
    private final int width;
    private final int maxColumns;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] scratch = new byte[256];

    boolean failed;
    boolean cutInQuotes;
    long rowsRead;
    long inferredRows;
    long blankLines;
    int validRows;
    Dict[] dicts;
    int[][] codes;
    /** The most errors kept (all are counted). */
    int errorCap = Integer.MAX_VALUE;
    long errorTotal;
    final List<Long> errorRows = new ArrayList<>();
    final List<String> errorRules = new ArrayList<>();
    final List<String> errorDetails = new ArrayList<>();

    Chunk(byte[] b, int pos, int end, boolean last, byte delimiter, ReleaseFormat format, int maxField, int width,
        int maxColumns) {
      this.b = b;
      this.pos = pos;
      this.end = end;
      this.last = last;
      this.delimiter = delimiter;
      this.format = format;
      this.maxField = maxField;
      this.width = width;
      this.maxColumns = maxColumns;
      int w = width == Integer.MAX_VALUE ? 0 : width;
      this.dicts = new Dict[w];
      this.codes = new int[w][];
      for (int i = 0; i < w; i++) {
        dicts[i] = new Dict();
        codes[i] = new int[1024];
      }
    }

    // the field just scanned: bytes [fieldFrom, fieldTo) of fieldBytes
    private byte[] fieldBytes = new byte[0];
    private int fieldFrom;
    private int fieldTo;
    private int fieldHash;

    /** 0 delimiter follows, 1 the record ends, -1 cannot read here. */
    private int field() {
      int p = pos;
      int h = 1;
      if (p < end && b[p] == '"') {
        int q = p + 1;
        int n = 0;
        while (true) {
          if (q >= end) {
            // the chunk ends inside a quoted field
            cutInQuotes = !last;
            return -1;
          }
          byte c = b[q];
          if (c == '"') {
            if (q + 1 < end && b[q + 1] == '"') {
              c = '"';
              q += 2;
            } else if (q + 1 >= end && !last) {
              // the chunk ends right after a quote: a cut that the serial read would see otherwise
              cutInQuotes = true;
              return -1;
            } else {
              q++;
              break;
            }
          } else {
            q++;
          }
          if (n == scratch.length) {
            scratch = Arrays.copyOf(scratch, n * 2);
          }
          scratch[n++] = c;
          h = 31 * h + c;
        }
        fieldBytes = scratch;
        fieldFrom = 0;
        fieldTo = n;
        fieldHash = mix(h);
        pos = q;
        return terminator();
      }
      int q = p;
      while (q < end) {
        byte c = b[q];
        if (c == delimiter || c == '\n' || c == '\r') {
          break;
        }
        if (c == '"') {
          return -1;
        }
        h = 31 * h + c;
        q++;
      }
      fieldBytes = b;
      fieldFrom = p;
      fieldTo = q;
      fieldHash = mix(h);
      pos = q;
      return terminator();
    }

    private static int mix(int h) {
      return h ^ (h >>> 16);
    }

    /** After a field: the delimiter (0), a line end or the end of the file (1), anything else (-1). */
    private int terminator() {
      if (pos >= end) {
        if (!last) {
          // a chunk ends with a line feed; ending elsewhere is a cut inside a record
          cutInQuotes = true;
          return -1;
        }
        return 1;
      }
      byte c = b[pos];
      if (c == delimiter) {
        pos++;
        return 0;
      }
      if (c == '\n') {
        pos++;
        return 1;
      }
      if (c == '\r' && pos + 1 < end && b[pos + 1] == '\n') {
        pos += 2;
        return 1;
      }
      return -1;
    }

    /** The header's names, stripped, or null when the first record is not regular. */
    @Nullable List<String> header() {
      List<String> names = new ArrayList<>();
      while (true) {
        if (names.size() >= maxColumns) {
          return null;
        }
        int t = field();
        if (t < 0) {
          return null;
        }
        String s;
        try {
          s = decoder.decode(ByteBuffer.wrap(fieldBytes, fieldFrom, fieldTo - fieldFrom)).toString();
        } catch (CharacterCodingException e) {
          return null;
        }
        if (s.length() > maxField) {
          return null;
        }
        names.add(s.strip());
        if (t == 1) {
          return names;
        }
      }
    }

    /** Reads every record of the chunk; sets {@link #failed} when the serial readers must read the file. */
    void rows() {
      int[] rec = new int[width];
      while (pos < end) {
        int n = 0;
        while (true) {
          int t = field();
          if (t < 0) {
            failed = true;
            return;
          }
          if (n >= width) {
            // more fields than the header: an error of the inference
            failed = true;
            return;
          }
          int c = dicts[n].code(fieldBytes, fieldFrom, fieldTo, fieldHash, format, decoder);
          if (c == -2 || dicts[n].length(c) > maxField) {
            failed = true;
            return;
          }
          rec[n++] = c;
          if (t == 1) {
            break;
          }
        }
        if (!record(rec, n)) {
          failed = true;
          return;
        }
      }
    }

    private boolean record(int[] rec, int n) {
      if (n == 1 && dicts[0].isBlank(rec[0])) {
        // a blank line: skipped by the reader; a blank value the inference would keep is its error
        if (!dicts[0].isEmpty(rec[0])) {
          inferredRows++;
          if (!dicts[0].isMissing(rec[0])) {
            return false;
          }
        }
        blankLines++;
        return true;
      }
      rowsRead++;
      inferredRows++;
      boolean allBlank = n >= 2;
      for (int f = 0; f < n && allBlank; f++) {
        allBlank = dicts[f].isBlank(rec[f]);
      }
      if (allBlank) {
        error("empty-row", "every field is empty (" + n + " fields)");
        return true;
      }
      for (int f = 0; f < n; f++) {
        Dict d = dicts[f];
        int c = rec[f];
        if (!d.isMissing(c)) {
          if (d.isBlank(c)) {
            return false;
          }
          d.count(c);
        }
      }
      if (n != width) {
        error("wrong-field-count", "expected " + width + " fields as in the header, found " + n);
        return true;
      }
      if (validRows == codes[0].length) {
        int grown = validRows + (validRows >> 1) + 16;
        for (int f = 0; f < width; f++) {
          codes[f] = Arrays.copyOf(codes[f], grown);
        }
      }
      for (int f = 0; f < width; f++) {
        codes[f][validRows] = dicts[f].isMissing(rec[f]) ? -1 : rec[f];
      }
      validRows++;
      return true;
    }

    private void error(String rule, String detail) {
      errorTotal++;
      if (errorRows.size() >= errorCap) {
        return;
      }
      errorRows.add(rowsRead);
      errorRules.add(rule);
      errorDetails.add(detail);
    }
  }

  /**
   * The schema {@code InferredSchemas} infers from a header and the sorted values of each column, with the
   * inference's errors (a column without a value, a blank value).
   *
   * @param fileName the file name for messages
   * @param schemaName the schema's name
   * @param format the release format
   * @param header the column names
   * @param values per column the values that are not missing, sorted
   * @return the schema
   * @throws DataFormatException naming the file and the column
   */
  public static Schema inferredSchema(String fileName, String schemaName, ReleaseFormat format, List<String> header,
      List<TreeSet<String>> values) {
    Schema.Builder b =
        Schema.builder(schemaName, "inferred")
            .format(format)
            .description("Inferred from the header and values of " + fileName)
            .origin(fileName);
    for (int i = 0; i < header.size(); i++) {
      TreeSet<String> vs = values.get(i);
      if (vs.isEmpty()) {
        throw new DataFormatException(fileName + ": column '" + header.get(i) + "' has no value that is not missing");
      }
      List<Code> codes = new ArrayList<>();
      for (String v : vs) {
        if (v.isBlank()) {
          throw new DataFormatException(
              fileName + ": column '" + Shown.name(header.get(i)) + "' has a blank value; list it as a missing token");
        }
        codes.add(Code.of(v));
      }
      b.add(
          Variable.builder(header.get(i), VariableKind.CATEGORICAL)
              .values(ValueSet.of(codes))
              .role(Role.INSENSITIVE)
              .build());
    }
    return b.build();
  }
}
