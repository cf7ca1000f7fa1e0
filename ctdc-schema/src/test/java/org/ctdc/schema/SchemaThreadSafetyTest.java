package org.ctdc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ctdc.schema.DatasetCsv.CsvOptions;
import org.junit.jupiter.api.Test;

/**
 * Thread safety: the bundled schemas and the immutable {@link Schema}, {@link ValueSet} and
 * {@link ReleaseFormat} used from many threads at once, started together by a barrier. Each thread computes
 * a digest of every lookup; all must equal the digest computed on one thread.
 */
class SchemaThreadSafetyTest {

  private static final int THREADS = 12;

  /** Every lookup a reader makes, over every bundled schema, folded into one string. */
  private static String lookups() {
    StringBuilder b = new StringBuilder();
    for (SchemaRef ref : Schemas.list()) {
      Schema s = Schemas.load(ref.name(), ref.version());
      ReleaseFormat f = s.format();
      b.append(s.id()).append(s.size()).append(s.hashCode());
      for (Variable v : s.variables()) {
        b.append(s.indexOf(v.name())).append(s.variable(v.name()).orElseThrow().name());
        b.append(f.isMissing(v.name())).append(v.separatorIn(f));
        for (String p : v.previousNames()) {
          b.append(s.indexOf(p));
        }
        if (v.kind().isClosed()) {
          ValueSet vs = v.values();
          for (int i = 0; i < vs.size(); i++) {
            Code c = vs.code(i);
            b.append(vs.indexOf(c.code()));
            for (String a : c.aliases()) {
              b.append(vs.indexOf(a)).append(vs.find(a).map(Code::code).orElse("?"));
            }
          }
          b.append(vs.indexOf("no such code")).append(vs.hashCode());
        }
      }
      for (String t : List.of("", "-99", "Unknown", "NA", "1", "0")) {
        b.append(f.isMissing(t));
      }
      b.append(s.sharedValueSets().keySet());
    }
    return b.toString();
  }

  /** A read and a write of the same file under one shared schema. */
  private static String readAndWrite(Schema s, String text) {
    DatasetCsv.ReadResult r = DatasetCsv.read(new StringReader(text), "t.csv", s, CsvOptions.defaults());
    StringWriter w = new StringWriter();
    DatasetCsv.write(r.dataset(), w);
    return r.report().summary() + "\n" + w;
  }

  private static <T> List<T> together(Callable<T> task) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<T>> fs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        fs.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : fs) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void bundledSchemasAndTheirValueSetsAndFormatsGiveTheSameAnswersOnManyThreadsAtOnce() throws Exception {
    List<String> concurrent = together(SchemaThreadSafetyTest::lookups);
    String alone = lookups();
    for (String c : concurrent) {
      assertEquals(alone, c);
    }
  }

  @Test
  void oneSchemaSharedByManyConcurrentReadsAndWritesGivesTheSameResult() throws Exception {
    Schema s = TestSchemas.allKinds(TestSchemas.NA_FORMAT);
    StringWriter w = new StringWriter();
    DatasetCsv.write(TestSchemas.randomDataset(s, 3, 500), w);
    String text = w.toString();
    String alone = readAndWrite(s, text);
    for (String c : together(() -> readAndWrite(s, text))) {
      assertEquals(alone, c);
    }
  }

  @Test
  void allBundledSchemasListedAndLoadedConcurrentlyAreEqual() throws Exception {
    List<List<Schema>> loaded = together(Schemas::all);
    for (List<Schema> l : loaded) {
      assertEquals(Schemas.all(), l);
    }
  }
}
