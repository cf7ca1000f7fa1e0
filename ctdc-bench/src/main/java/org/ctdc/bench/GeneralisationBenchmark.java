package org.ctdc.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ctdc.deid.DeidConfig;
import org.ctdc.deid.DeidReport;
import org.ctdc.deid.Deidentifier;
import org.ctdc.deid.Hierarchy;
import org.ctdc.deid.Metric;
import org.ctdc.deid.PrivacyModel;
import org.ctdc.deid.SchemaHierarchies;
import org.ctdc.samples.CtdcLikeData;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.InferredSchemas;
import org.ctdc.schema.Schema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Optimal full-domain generalisation with record suppression ({@link Deidentifier#plan}: frequency table,
 * lattice search, metrics; no release written).
 *
 * <ul>
 *   <li>{@code adult}: the Adult set (30,162 rows, 9 quasi-identifiers, ARX's hierarchies, 12,960-node
 *       lattice) for k in {2, 5, 10}, suppression limit 0 %, 4 % and 5 % (the grid of issue 4; the unit test
 *       {@code AdultTest} verifies a subset), metrics precision and loss;
 *   <li>{@code ctdcLike}: generated CTDC-like data ({@link CtdcLikeData}, seed 1) with its 8 default
 *       quasi-identifiers and the schema hierarchies (3,072-node lattice), k = 11, 5 %, loss, at 10^4 to
 *       10^7 rows, on both cores.
 * </ul>
 *
 * <p>Run a 10^7 measurement once with {@code -f 1 -wi 0 -i 1 -p rows=10000000}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GeneralisationBenchmark {

  /** The Adult set and its hierarchies. */
  @State(Scope.Benchmark)
  public static class Adult {
    static final List<String> QIS = List.of("sex", "age", "race", "marital-status", "education",
        "native-country", "workclass", "occupation", "salary-class");

    @Param({"2", "5", "10"})
    public int k;

    @Param({"0", "0.04", "0.05"})
    public double limit;

    @Param({"PRECISION", "LOSS"})
    public String metric;

    Dataset data;
    DeidConfig config;

    @Setup(Level.Trial)
    public void setup() {
      Schema schema;
      try (Reader r = reader("adult.csv")) {
        schema = InferredSchemas.fromCsv(r, "adult.csv", "adult", ';', List.of(""));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try (Reader r = reader("adult.csv")) {
        data = DatasetCsv.read(r, "adult.csv", schema, DatasetCsv.CsvOptions.defaults()).dataset();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      DeidConfig.Builder b = DeidConfig.builder();
      for (String q : QIS) {
        try (Reader r = reader("adult_hierarchy_" + q + ".csv")) {
          b.quasiIdentifier(q, Hierarchy.readArx(r, q, ';'));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      config = b.k(k).suppressionLimit(limit).metric(Metric.valueOf(metric)).build();
    }

    static Reader reader(String name) {
      InputStream in = GeneralisationBenchmark.class.getResourceAsStream("/adult/" + name);
      if (in == null) {
        throw new IllegalStateException("missing resource /adult/" + name);
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
  }

  /** Generated CTDC-like data. */
  @State(Scope.Benchmark)
  public static class CtdcLike {
    @Param({"10000", "100000", "1000000"})
    public int rows;

    Dataset data;
    DeidConfig config;

    @Setup(Level.Trial)
    public void setup() {
      data = CtdcLikeData.generate(rows, 1);
      config = SchemaHierarchies.configFor(data, CtdcLikeData.defaultQuasiIdentifiers())
          .k(PrivacyModel.CTDC_DEFAULT_K).suppressionLimit(0.05).metric(Metric.LOSS)
          .threads(Runtime.getRuntime().availableProcessors()).build();
    }
  }

  /**
   * Adult.
   *
   * @param s the state
   * @return the report
   */
  @Benchmark
  public DeidReport adult(Adult s) {
    return Deidentifier.of(s.config).plan(s.data);
  }

  /**
   * CTDC-like data.
   *
   * @param s the state
   * @return the report
   */
  @Benchmark
  public DeidReport ctdcLike(CtdcLike s) {
    return Deidentifier.of(s.config).plan(s.data);
  }
}
