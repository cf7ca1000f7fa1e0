package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.samples.PartnerSamples.Profile;
import org.ctdc.schema.DatasetCsv;
import org.junit.jupiter.api.Test;

/**
 * Thread safety of alignment: one {@link Aligner} per bundled partner spec, and the loaded
 * {@link AlignmentSpec}s, shared by many threads that start together (a barrier) and align different
 * extracts, from CSV and from maps. Every thread's aligned CSV and report JSON must equal those computed
 * on one thread for the same extract.
 */
class AlignerThreadSafetyTest {

  private static final int THREADS = 8;

  private static String csv(Profile p, long seed) {
    StringWriter w = new StringWriter();
    PartnerSamples.writeCsv(p, 1_500, seed, w);
    return w.toString();
  }

  private static String outcome(Aligner aligner, Profile p, long seed, boolean fromMaps) {
    AlignmentResult r = fromMaps
        ? aligner.align(PartnerSamples.rows(p, 1_500, seed), "extract-" + seed)
        : aligner.alignCsv(new StringReader(csv(p, seed)), "extract-" + seed);
    StringWriter w = new StringWriter();
    DatasetCsv.write(r.dataset(), w);
    return w + "\n" + r.report().toJson();
  }

  @Test
  void sharedAlignersGiveEveryThreadTheSingleThreadedResult() throws Exception {
    Aligner hotline = Aligner.of(Specs.load(Profile.HOTLINE.specName()));
    Aligner caseManagement = Aligner.of(Specs.load(Profile.CASE_MANAGEMENT.specName()));
    List<String> expected = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Profile p = t % 2 == 0 ? Profile.HOTLINE : Profile.CASE_MANAGEMENT;
      expected.add(outcome(p == Profile.HOTLINE ? hotline : caseManagement, p, 100 + t, t % 4 < 2));
    }
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<String>> got = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int n = t;
        got.add(pool.submit(() -> {
          start.await();
          Profile p = n % 2 == 0 ? Profile.HOTLINE : Profile.CASE_MANAGEMENT;
          return outcome(p == Profile.HOTLINE ? hotline : caseManagement, p, 100 + n, n % 4 < 2);
        }));
      }
      for (int t = 0; t < THREADS; t++) {
        assertEquals(expected.get(t), got.get(t).get(), "thread " + t);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
