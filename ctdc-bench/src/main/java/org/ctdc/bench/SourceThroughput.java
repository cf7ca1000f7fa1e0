package org.ctdc.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ctdc.core.Aligner;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.JdbcSource;
import org.ctdc.core.Specs;
import org.ctdc.excel.XlsxSource;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.schema.DatasetCsv;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Alignment throughput by source, in rows per second (one operation = one row): the same generated
 * case-management extract of {@value #ROWS} rows, aligned with the same spec onto {@code ctdc-global-kanon},
 * from CSV text, from one sheet of an {@code .xlsx} workbook ({@link XlsxSource}; written once in setup with
 * POI, text in the shared-strings table as Excel writes it) and from an H2 in-memory table
 * ({@link JdbcSource}; loaded once in setup). The setup checks that the three aligned datasets and the reports' counts
 * are equal, so that the figures compare the same work. Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class SourceThroughput {

  static final int ROWS = 100_000;
  private static final PartnerSamples.Profile PROFILE = PartnerSamples.Profile.CASE_MANAGEMENT;
  private static final long SEED = 2024;

  private Aligner aligner;
  private String csv;
  private Path dir;
  private Path workbook;
  private Connection db;

  /** Writes the CSV text, the workbook and the table, and checks the three align alike. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, SQLException {
    aligner = Aligner.of(Specs.load(PROFILE.specName()));
    StringWriter w = new StringWriter();
    PartnerSamples.writeCsv(PROFILE, ROWS, SEED, w);
    csv = w.toString();
    List<String> header = PartnerSamples.header(PROFILE);

    dir = Files.createTempDirectory("ctdc-bench-sources");
    workbook = dir.resolve("cases.xlsx");
    // a streaming writer (rows flushed every 100) with a shared-strings table, as Excel keeps text
    try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, false, true);
        OutputStream out = Files.newOutputStream(workbook)) {
      Sheet s = wb.createSheet("Cases");
      Row h = s.createRow(0);
      for (int i = 0; i < header.size(); i++) {
        h.createCell(i).setCellValue(header.get(i));
      }
      int r = 1;
      for (Map<String, String> m : PartnerSamples.rows(PROFILE, ROWS, SEED)) {
        Row row = s.createRow(r++);
        for (int i = 0; i < header.size(); i++) {
          String v = m.get(header.get(i));
          if (v != null && !v.isEmpty()) {
            row.createCell(i).setCellValue(v);
          }
        }
      }
      wb.write(out);
      wb.dispose();
    }

    db = DriverManager.getConnection("jdbc:h2:mem:ctdc-bench-sources;DB_CLOSE_DELAY=-1");
    List<String> cols = new ArrayList<>();
    header.forEach(c -> cols.add("\"" + c + "\" VARCHAR(10000)"));
    try (Statement st = db.createStatement()) {
      st.execute("CREATE TABLE cases (" + String.join(", ", cols) + ")");
    }
    String marks = String.join(", ", Collections.nCopies(header.size(), "?"));
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO cases VALUES (" + marks + ")")) {
      int n = 0;
      for (Map<String, String> m : PartnerSamples.rows(PROFILE, ROWS, SEED)) {
        for (int i = 0; i < header.size(); i++) {
          String v = m.get(header.get(i));
          ps.setString(i + 1, v == null || v.isEmpty() ? null : v);
        }
        ps.addBatch();
        if (++n % 5000 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }

    AlignmentResult c = fromCsv();
    AlignmentResult x = fromXlsx();
    AlignmentResult j = fromJdbc();
    if (c.report().rowsRead() != ROWS || c.report().rowsRejected() != 0) {
      throw new IllegalStateException("the sample should align without rejects: " + c.report().summary());
    }
    String expected = text(c);
    if (!expected.equals(text(x)) || !expected.equals(text(j))) {
      throw new IllegalStateException("the workbook or the table aligns otherwise than the CSV");
    }
    // the reports differ in the input's name only (cases, cases.xlsx, cases)
    if (!counts(c).equals(counts(x)) || !counts(c).equals(counts(j))) {
      throw new IllegalStateException("the workbook's or the table's counts differ from the CSV's");
    }
  }

  private static List<Long> counts(AlignmentResult r) {
    return List.of(r.report().rowsRead(), r.report().rowsAligned(), r.report().rowsRejected(),
        r.report().blankLines());
  }

  private static String text(AlignmentResult r) {
    StringWriter w = new StringWriter();
    DatasetCsv.write(r.dataset(), w);
    return w.toString();
  }

  /** Drops the table and deletes the workbook. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException, SQLException {
    try (Statement st = db.createStatement()) {
      st.execute("SHUTDOWN");
    }
    db.close();
    Files.deleteIfExists(workbook);
    Files.deleteIfExists(dir);
  }

  /** @return the aligned result of the CSV text (named as the others are, so that the reports compare) */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public AlignmentResult fromCsv() {
    return aligner.alignCsv(new StringReader(csv), "cases");
  }

  /** @return the aligned result of the workbook's sheet */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public AlignmentResult fromXlsx() {
    return aligner.align(XlsxSource.builder(workbook).sheet("Cases").build());
  }

  /** @return the aligned result of the table, read by a query with the default fetch size */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public AlignmentResult fromJdbc() {
    return aligner.align(JdbcSource.query(db, "SELECT * FROM cases").name("cases").build());
  }

  /**
   * CPU-time harness for a shared machine: aligns from each source several times on this thread, in turn,
   * and prints rows per CPU-second ({@code ThreadMXBean.getCurrentThreadCpuTime}) beside rows per
   * wall-second. H2 runs on the calling thread, so its work is in the CPU time too.
   *
   * @param args optional: repetitions per source (default 8; the first half is warm-up)
   * @throws Exception if the setup fails
   */
  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    SourceThroughput b = new SourceThroughput();
    b.setUp();
    try {
      String[] inputs = {"csv", "xlsx", "jdbc"};
      double[] sum = new double[inputs.length];
      double[] wallSum = new double[inputs.length];
      int measured = 0;
      for (int rep = 0; rep < reps; rep++) {
        for (int k = 0; k < inputs.length; k++) {
          long c0 = mx.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          AlignmentResult r = switch (inputs[k]) {
            case "csv" -> b.fromCsv();
            case "xlsx" -> b.fromXlsx();
            default -> b.fromJdbc();
          };
          long cpu = mx.getCurrentThreadCpuTime() - c0;
          long wall = System.nanoTime() - w0;
          if (r.report().rowsAligned() != ROWS) {
            throw new IllegalStateException("unexpected row count");
          }
          double perCpu = ROWS * 1e9 / cpu;
          double perWall = ROWS * 1e9 / wall;
          if (rep >= reps / 2) {
            sum[k] += perCpu;
            wallSum[k] += perWall;
          }
          System.out.printf(Locale.ROOT, "%s rep %d: %,.0f rows/CPU-s, %,.0f rows/wall-s%n",
              inputs[k], rep, perCpu, perWall);
        }
        if (rep >= reps / 2) {
          measured++;
        }
      }
      for (int k = 0; k < inputs.length; k++) {
        System.out.printf(Locale.ROOT, "%s: mean %,.0f rows/CPU-s, %,.0f rows/wall-s (last %d reps)%n",
            inputs[k], sum[k] / measured, wallSum[k] / measured, measured);
      }
    } finally {
      try {
        b.tearDown();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
