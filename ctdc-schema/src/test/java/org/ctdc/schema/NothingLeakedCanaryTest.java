package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.ctdc.schema.DatasetCsv.CsvOptions;
import org.ctdc.schema.DatasetCsv.ReadResult;
import org.ctdc.testkit.CapturingLogProvider;
import org.ctdc.testkit.ThrownText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing leaked: identifier and free-text columns hold unique canary strings, and canaries are placed into
 * closed, flag and integer columns as invalid tokens. Every entry point of ctdc-schema is driven through its
 * success and failure paths, and all log output (captured by {@link CapturingLogProvider}, every level),
 * exception messages (with their causes), report lines and exports are searched: no canary may appear
 * except in the dataset CSV written back, and there only the identifier and free-text values of valid rows.
 */
class NothingLeakedCanaryTest {

  private static final String MARK = "CANARY";
  private static final Schema SCHEMA = TestSchemas.allKinds(ReleaseFormat.CTDC_SYNTHETIC);
  private static final String HEADER =
      "gender,ageBroad,CountryOfExploitation,isForcedLabour,IP_Gender,IP_citizen,yearOfRegistration,"
          + "numberOfVictims,notes,caseId,manyCodes\n";

  /** Every string that reaches a user other than the written dataset. */
  private final List<String> observed = new ArrayList<>();

  @TempDir Path dir;

  @BeforeEach
  void clearLogs() {
    CapturingLogProvider.clear();
  }

  private static String canary(String where, int n) {
    return MARK + "-" + where + "-" + n + "-q7x";
  }

  private static String quoted(String s) {
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** Valid rows whose identifier and free text are canaries (one spans lines and holds the delimiter). */
  private static String validRows() {
    return "Female,0--17,Europe,1,Female;Male,Asia; Europe,2015,3," + quoted(canary("notes", 1)) + ","
        + canary("id", 1) + ",c7\n"
        + "Male,30+,,,,,,,"
        + quoted(canary("notes", 2) + ",\n\"" + canary("notes", 3)) + "," + canary("id", 2) + ",\n";
  }

  /** Rows with canaries as invalid tokens in every checked column, and rows of the wrong length. */
  private static String invalidRows() {
    int n = 100;
    StringBuilder b = new StringBuilder();
    b.append(String.join(",", canary("gender", n++), canary("band", n++), canary("country", n++),
        canary("flag", n++), "Female;" + canary("multi", n++), "Asia; " + canary("multi", n++),
        canary("year", n++), canary("count", n++), canary("notes", n++), canary("id", n++),
        canary("many", n++))).append('\n');
    b.append("Female,0--17,Europe,1,Female;Female,Asia; Asia,1999,-1,").append(canary("notes", n++)).append(',')
        .append(canary("id", n++)).append(",c7\n");
    b.append(canary("short", n++)).append(',').append(canary("short", n++)).append('\n');
    b.append(canary("long", n++)).append(",,,,,,,,,,,").append(canary("long", n++)).append('\n');
    b.append("Female,0--17,Europe,1,").append(canary("sep", n++)).append(";;,Asia;").append(canary("sep", n++))
        .append(",2015,3,x,y,c1\n");
    return b.toString();
  }

  @Test
  void captureBindingIsTheActiveSlf4jProvider() {
    CapturingLogProvider.assertCapturing();
  }

  @Test
  void readValidateAndWriteLeakNoCanaryOutsideThePermittedColumns() throws IOException {
    String text = HEADER + validRows() + invalidRows();
    Path file = dir.resolve("canaries.csv");
    Files.writeString(file, text);

    ReadResult fromReader = DatasetCsv.read(new StringReader(text), "canaries.csv", SCHEMA, CsvOptions.defaults());
    ReadResult fromFile = DatasetCsv.read(file, SCHEMA, CsvOptions.defaults());
    ReadResult lenient = DatasetCsv.read(new StringReader(HEADER.replace("\n", ",extra\n")
        + validRows().replace("\n", ",x\n").replace(",\n\"", ",\n\"")), "lenient.csv", SCHEMA,
        CsvOptions.defaults().withStrictHeader(false));
    ValidationReport validated = DatasetCsv.validate(file, SCHEMA, CsvOptions.defaults());
    ValidationReport validatedFromReader =
        DatasetCsv.validate(new StringReader(text), "canaries.csv", SCHEMA, CsvOptions.defaults().withErrorLimit(3));
    for (ValidationReport r : List.of(fromReader.report(), fromFile.report(), lenient.report(), validated,
        validatedFromReader)) {
      observeReport(r);
    }
    assertEquals(2, fromFile.report().validRows());
    assertEquals(5, fromFile.report().invalidRows());
    assertTrue(fromFile.report().errorCount() >= 12, fromFile.report()::summary);

    Dataset ds = fromFile.dataset();
    observed.add(ds.toString());
    int notes = ds.column("notes");
    int gender = ds.column("gender");
    observeThrown(() -> ds.code(0, notes));
    observeThrown(() -> ds.intValue(0, notes));
    observeThrown(() -> ds.text(0, gender));
    observeThrown(() -> Dataset.appender(SCHEMA).setText(gender, canary("appender", 1)));
    observeThrown(() -> Dataset.appender(SCHEMA).setCode(notes, 0));

    // writing: the written dataset is the permitted output, holding the valid rows' free text and ids only
    StringWriter w = new StringWriter();
    DatasetCsv.write(ds, w);
    Path out = dir.resolve("out.csv");
    DatasetCsv.write(ds, out);
    assertEquals(w.toString(), Files.readString(out));
    List<String> written = canariesIn(w.toString());
    assertEquals(List.of(canary("notes", 1), canary("id", 1), canary("notes", 2), canary("notes", 3),
        canary("id", 2)), written, "only identifier and free-text values of valid rows are written");
    observeThrown(() -> DatasetCsv.write(ds, dir));

    // the schema and its exports carry no record value
    observed.add(Codebook.markdown(SCHEMA));
    observed.add(Codebook.csv(SCHEMA));
    observed.add(JsonSchemaExport.jsonSchema(SCHEMA));
    observed.add(SchemaFiles.toYaml(SCHEMA));
    observed.add(SchemaFiles.toJson(SCHEMA));
    observed.add(SchemaDiff.between(SCHEMA, SCHEMA).toText());

    assertNoCanaryObserved(true);
  }

  @Test
  void everyUnreadableFileFailsWithoutNamingACanary() throws IOException {
    String head = HEADER + validRows();
    List<Supplier<Object>> failures = new ArrayList<>();
    failures.add(() -> readText(head + quoted(canary("quote", 1)).substring(0, 12) + ",x\n"
        + "Female,\"" + canary("quote", 2) + "\"" + canary("quote", 3) + ",\n", CsvOptions.defaults()));
    failures.add(() -> readText(head + "Female,\"" + canary("unclosed", 1) + "\n", CsvOptions.defaults()));
    failures.add(() -> readText(head + canary("long", 1).repeat(40) + ",,,,,,,,,,\n",
        CsvOptions.defaults().withMaxFieldLength(200)));
    failures.add(() -> readText(head + (canary("wide", 1) + ",").repeat(30) + "\n",
        CsvOptions.defaults().withMaxColumns(20)));
    failures.add(() -> readText(head, CsvOptions.defaults().withMaxRows(1)));
    failures.add(() -> readText(validRows(), CsvOptions.defaults()));
    failures.add(() -> readText(validRows(), CsvOptions.defaults().withStrictHeader(false)));
    failures.add(() -> readBytes(concat(head.getBytes(StandardCharsets.UTF_8),
        (canary("utf8", 1) + ",").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
        ("," + canary("utf8", 2) + "\n").getBytes(StandardCharsets.UTF_8))));
    failures.add(() -> DatasetCsv.read(dir.resolve("missing-" + 1 + ".csv"), SCHEMA, CsvOptions.defaults()));
    for (Supplier<Object> f : failures) {
      CtdcException e = observeThrown(f::get);
      assertTrue(e.getMessage().startsWith("canaries.csv: ") || e.getMessage().contains("missing-"),
          e::getMessage);
    }
    assertNoCanaryObserved(false);
  }

  private ReadResult readText(String text, CsvOptions options) {
    return DatasetCsv.read(new StringReader(text), "canaries.csv", SCHEMA, options);
  }

  private ReadResult readBytes(byte[] bytes) {
    Path f = dir.resolve("canaries.csv");
    try {
      Files.write(f, bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    ReadResult viaReader = DatasetCsv.read(DatasetCsvFuzzTest.utf8(bytes), "canaries.csv", SCHEMA,
        CsvOptions.defaults());
    observed.add(viaReader.report().summary());
    return viaReader;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }

  private void observeReport(ValidationReport r) {
    observed.add(r.summary());
    observed.add(r.toString());
    observed.addAll(r.lines());
    r.errors().forEach(e -> observed.add(e.toString()));
  }

  /** Runs an action that must throw; records the message, the string form and every cause's. */
  private CtdcException observeThrown(Runnable action) {
    RuntimeException e = ThrownText.recordThrown(observed, action);
    return e instanceof CtdcException c ? c : new CtdcException(String.valueOf(e.getMessage()));
  }


  private void assertNoCanaryObserved(boolean logsExpected) {
    List<String> logs = CapturingLogProvider.events();
    if (logsExpected) {
      assertFalse(logs.isEmpty(), "the reader logged its summaries");
    }
    List<String> all = new ArrayList<>(observed);
    all.addAll(logs);
    List<String> leaks = all.stream().filter(s -> s.contains(MARK)).toList();
    assertEquals(List.of(), leaks, "canaries reached messages, reports, exports or logs");
  }

  private static List<String> canariesIn(String text) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(MARK + "-[a-z0-9]+-\\d+-q7x").matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
