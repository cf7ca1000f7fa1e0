package org.ctdc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ctdc.link.ClkSet;
import org.ctdc.link.Encoder;
import org.ctdc.link.FieldKind;
import org.ctdc.link.LinkConfig;
import org.ctdc.link.LinkKey;
import org.ctdc.link.Matcher;
import org.ctdc.samples.LinkageSamples;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Record linkage throughput: {@link #encode} in records per second (one operation = one record) of the
 * generator's first extract with the default configuration of docs/link-config.md (transliteration, q-grams,
 * date tokens, HMAC-SHA-256 per token, balancing), on {@code threads} threads; {@link #link} the whole match of
 * the two extracts (blocking, Dice, greedy solver) in seconds per run. Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@Fork(1)
public class EncodingBenchmark {
  static final int RECORDS = 20_000;

  @Param({"1", "2"})
  public int threads;

  /** People behind the two extracts of {@link #link}; with overlap 0.4 each extract holds about 0.7 of them. */
  @Param({"20000"})
  public int people;

  private LinkConfig config;
  private LinkKey key;
  private Encoder encoder;
  private List<String[]> rows;
  private List<ClkSet> sets;

  static LinkConfig config() {
    return LinkConfig.builder("record_id")
        .field(LinkConfig.Field.of("given", "given_name", FieldKind.NAME, 6).inGroup("name"))
        .field(LinkConfig.Field.of("family", "family_name", FieldKind.NAME, 6).inGroup("name"))
        .field(LinkConfig.Field.of("dob", "date_of_birth", FieldKind.DATE, 20))
        .field(LinkConfig.Field.of("sex", "sex", FieldKind.CODE, 4))
        .build();
  }

  static List<String[]> rows(String csv) {
    List<String[]> r = new ArrayList<>();
    String[] lines = csv.split("\n");
    for (int i = 1; i < lines.length; i++) {
      r.add(lines[i].split(",", -1));
    }
    return r;
  }

  /** Generates the extracts, encodes them for {@link #link}. */
  @Setup(Level.Trial)
  public void setUp() {
    config = config();
    key = LinkKey.of("benchmark-key-not-secret-0123456789".toCharArray());
    encoder = Encoder.builder(config, key).threads(threads).build();
    LinkageSamples.Linkage forEncoding = LinkageSamples.generate(1, 2, RECORDS, 0, LinkageSamples.Corruption.defaults());
    rows = new ArrayList<>();
    for (LinkageSamples.Extract x : forEncoding.extracts()) {
      rows.addAll(rows(x.csv()));
    }
    rows = rows.subList(0, Math.min(RECORDS, rows.size()));
    LinkageSamples.Linkage l = LinkageSamples.generate(2, 2, people, 0.4, LinkageSamples.Corruption.defaults());
    sets = new ArrayList<>();
    for (LinkageSamples.Extract x : l.extracts()) {
      sets.add(ClkSet.of(x.name(), encoder.encode(LinkageSamples.HEADER, rows(x.csv()), x.name()).encodings()));
    }
  }

  /** Zeroes the key. */
  @TearDown(Level.Trial)
  public void tearDown() {
    key.close();
  }

  /** @return the encodings of {@value #RECORDS} records */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(RECORDS)
  public Object encode() {
    return encoder.encode(LinkageSamples.HEADER, rows, "bench");
  }

  /** @return the match of the two extracts */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Object link() {
    return Matcher.builder(config).threads(threads).build().match(sets);
  }
}
