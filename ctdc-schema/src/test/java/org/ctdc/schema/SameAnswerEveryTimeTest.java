package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.ctdc.schema.DatasetCsv.CsvOptions;
import org.junit.jupiter.api.Test;

/**
 * Same answer every time: the schema exports, dataset CSV writing and validation reports give the same
 * bytes on every run, and the same bytes when the same work runs on 1 thread and on 8 threads at once.
 */
class SameAnswerEveryTimeTest {

  /** Named pieces of work, each giving the bytes a user would get. */
  private static Map<String, Supplier<byte[]>> work() {
    Map<String, Supplier<byte[]>> w = new LinkedHashMap<>();
    for (SchemaRef ref : Schemas.list()) {
      String id = ref.name() + "@" + ref.version();
      w.put(id + " yaml", () -> utf8(SchemaFiles.toYaml(Schemas.load(ref.name(), ref.version()))));
      w.put(id + " json", () -> utf8(SchemaFiles.toJson(Schemas.load(ref.name(), ref.version()))));
      w.put(id + " codebook.md", () -> utf8(Codebook.markdown(Schemas.load(ref.name(), ref.version()))));
      w.put(id + " codebook.csv", () -> utf8(Codebook.csv(Schemas.load(ref.name(), ref.version()))));
      w.put(id + " json-schema", () -> utf8(JsonSchemaExport.jsonSchema(Schemas.load(ref.name(), ref.version()))));
    }
    for (int i = 0; i < TestSchemas.FORMATS.size(); i++) {
      Schema s = TestSchemas.allKinds(TestSchemas.FORMATS.get(i));
      String id = "all-kinds format " + i;
      w.put(id + " written", () -> written(TestSchemas.randomDataset(s, 42, 300)));
      w.put(id + " report", () -> report(s, faulty(s)));
      w.put(id + " reread", () -> written(DatasetCsv.read(new StringReader(faulty(s)), "f.csv", s,
          CsvOptions.defaults()).dataset()));
    }
    return w;
  }

  /** The written random dataset followed by rows of the wrong length and rows with unknown codes. */
  private static String faulty(Schema s) {
    StringBuilder b = new StringBuilder(new String(written(TestSchemas.randomDataset(s, 7, 200)),
        StandardCharsets.UTF_8));
    String d = String.valueOf(s.format().delimiter());
    for (int i = 0; i < 20; i++) {
      b.append(i % 2 == 0 ? "bogus" + i : "Nobody" + d.repeat(s.size() - 1)).append('\n');
    }
    return b.toString();
  }

  private static byte[] written(Dataset ds) {
    StringWriter w = new StringWriter();
    DatasetCsv.write(ds, w);
    return utf8(w.toString());
  }

  private static byte[] report(Schema s, String text) {
    ValidationReport r = DatasetCsv.validate(new StringReader(text), "f.csv", s, CsvOptions.defaults());
    return utf8(r.summary() + "\n" + String.join("\n", r.lines()));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, byte[]> runOn(int threads, int repeats) throws Exception {
    Map<String, Supplier<byte[]>> w = work();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<String> names = new ArrayList<>();
      List<Future<byte[]>> futures = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        for (Map.Entry<String, Supplier<byte[]>> e : w.entrySet()) {
          names.add(e.getKey());
          Callable<byte[]> c = e.getValue()::get;
          futures.add(pool.submit(c));
        }
      }
      Map<String, byte[]> out = new LinkedHashMap<>();
      for (int i = 0; i < futures.size(); i++) {
        byte[] bytes = futures.get(i).get();
        byte[] first = out.putIfAbsent(names.get(i), bytes);
        if (first != null) {
          assertArrayEquals(first, bytes, names.get(i) + " differs between repeats on " + threads + " threads");
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void outputsAreByteIdenticalOnOneAndEightThreads() throws Exception {
    Map<String, byte[]> one = runOn(1, 1);
    Map<String, byte[]> eight = runOn(8, 4);
    assertEquals(one.keySet(), eight.keySet());
    assertTrue(one.size() >= 5 * 5 + 3 * 4, "every bundled schema and format is covered");
    for (String k : one.keySet()) {
      assertTrue(one.get(k).length > 0, k);
      assertArrayEquals(one.get(k), eight.get(k), k + " differs between 1 and 8 threads");
    }
    String report = new String(one.get("all-kinds format 0 report"), StandardCharsets.UTF_8);
    assertTrue(report.contains("not-in-value-set") && report.contains("wrong-field-count"),
        "the faulty file has both kinds of error: " + report.lines().findFirst().orElse(""));
  }

  @Test
  void outputsAreByteIdenticalAcrossRuns() {
    Map<String, Supplier<byte[]>> a = work();
    Map<String, Supplier<byte[]>> b = work();
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k).get(), b.get(k).get(), k);
    }
  }
}
