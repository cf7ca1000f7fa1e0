package org.ctdc.synth;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ctdc.schema.AbstractOperationBuilder;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.ProgressListener;
import org.ctdc.synth.internal.AttributeTable;
import org.ctdc.synth.internal.DpAggregator;
import org.ctdc.synth.internal.ExactCounter;
import org.ctdc.synth.internal.LongLongMap;
import org.ctdc.synth.internal.SeededSynthesis;

/**
 * Aggregation and synthesis under one {@link SynthConfig}: {@link #aggregate(Dataset)} counts the attribute
 * combinations of the sensitive data (k-synthetic: exact counts rounded down to the resolution; DP: SDS's DP
 * marginals with discrete Gaussian noise), and {@link #synthesize(Aggregates)} makes synthetic records from the
 * aggregates alone, never from the sensitive data, so the DP guarantee carries over to them.
 *
 * <p>Randomness comes from a {@link SecureRandom} unless the configuration gives a seed; with a seed every
 * result is reproducible (for tests and demos) and its {@link Accounting} says so. With a seed the result does
 * not depend on {@link Builder#threads(int) the number of threads}.
 *
 * <p>Progress stages: {@code "aggregating"}, {@code "noising"} (DP), {@code "synthesising"}. Cancellation is
 * checked every few thousand records and combinations.
 *
 * <p>Made by {@link #builder(SynthConfig)} or {@link #of(SynthConfig)}. Immutable and thread-safe.
 */
public final class Synthesizer {
  /** The fixed word naming the operation in cancellation messages. */
  public static final String OPERATION = "synthesis";

  private final SynthConfig config;
  private final int threads;
  private final ProgressListener progress;
  private final Cancellation cancellation;

  private Synthesizer(Builder b) {
    this.config = b.config;
    this.threads = b.threads;
    this.progress = b.progressListener();
    this.cancellation = b.cancellationSignal();
  }

  /**
   * Starts a synthesiser.
   *
   * @param config the configuration
   * @return a new builder, not thread-safe
   */
  public static Builder builder(SynthConfig config) {
    return new Builder(Objects.requireNonNull(config, "config"));
  }

  /**
   * A synthesiser with the default settings (all processors, no progress, no cancellation).
   *
   * @param config the configuration
   * @return the synthesiser
   */
  public static Synthesizer of(SynthConfig config) {
    return builder(config).build();
  }

  /** @return the configuration */
  public SynthConfig config() {
    return config;
  }

  /**
   * Counts the combinations of the chosen columns of the sensitive data and protects them as the mode says.
   *
   * @param data the sensitive data
   * @return the aggregates with their accounting
   * @throws SynthException naming a column the schema lacks or cannot aggregate
   * @throws org.ctdc.schema.OperationCancelledException when cancelled
   */
  public Aggregates aggregate(Dataset data) {
    Objects.requireNonNull(data, "data");
    int r = config.reportingLength();
    boolean dp = config.mode() == SynthConfig.Mode.DP;
    AttributeTable table = AttributeTable.of(data, config.columns(), config.sensitiveZeros(), !dp);
    if (!dp) {
      int res = config.resolution();
      // only counts of at least the resolution are reported, and only combinations whose shorter ones are can be
      LongLongMap[] exact = ExactCounter.countAtLeast(data, table, r, res, threads, progress, cancellation,
          ExactCounter.TRIE_LIMIT);
      LongLongMap[] rounded = new LongLongMap[r + 1];
      for (int k = 1; k <= r; k++) {
        rounded[k] = new LongLongMap(exact[k].size() / 4 + 16);
        for (long key : exact[k].sortedKeys()) {
          long c = exact[k].get(key, 0);
          if (c >= res) {
            rounded[k].put(key, c / res * res);
          }
        }
      }
      long n = (long) data.rowCount() / res * res;
      Accounting acc = new Accounting(config.mode(), r, n, res, Optional.empty(), List.of(), List.of(), "none",
          config.seed());
      return new Aggregates(table, rounded, acc);
    }
    RandomGenerator rng = config.seed().isPresent()
        ? new SplittableRandom(config.seed().getAsLong())
        : new SecureRandom();
    DpAggregator.Result res = DpAggregator.run(data, table, config, rng, config.seed().isPresent(), threads, progress,
        cancellation);
    List<Integer> sens = new ArrayList<>();
    List<Double> thr = new ArrayList<>();
    for (int k = 1; k <= r; k++) {
      sens.add(res.sensitivities()[k]);
      thr.add(res.thresholds()[k]);
    }
    Accounting acc = new Accounting(config.mode(), r, res.protectedRecordCount(), config.resolution(),
        Optional.of(res.budget()), sens, thr, "discrete Gaussian", config.seed());
    return new Aggregates(table, res.counts(), acc);
  }

  /**
   * Makes synthetic records from aggregates alone: at most the protected record count of records, in the
   * schema of the chosen columns.
   *
   * @param aggregates the aggregates
   * @return the synthetic data
   * @throws org.ctdc.schema.OperationCancelledException when cancelled
   */
  public Dataset synthesize(Aggregates aggregates) {
    OptionalLong seed = aggregates.accounting().seed().isPresent() ? aggregates.accounting().seed() : config.seed();
    long s = seed.isPresent() ? seed.getAsLong() ^ 0x5EED5EED5EED5EEDL : new SecureRandom().nextLong();
    return SeededSynthesis.run(aggregates.table(), aggregates.lookup(), aggregates.reportingLength(),
        aggregates.accounting().protectedRecordCount(), s, threads, progress, cancellation);
  }

  /**
   * Builds a {@link Synthesizer}; every setter checks its value at once. Not thread-safe.
   */
  public static final class Builder extends AbstractOperationBuilder<Builder> {
    private final SynthConfig config;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder(SynthConfig config) {
      this.config = config;
    }

    /**
     * @param n the number of threads, at least 1; all processors by default
     * @return this builder
     * @throws IllegalArgumentException naming {@code threads} when below 1
     */
    public Builder threads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("threads must be at least 1, was " + n);
      }
      this.threads = n;
      return this;
    }

    /** @return the synthesiser */
    public Synthesizer build() {
      return new Synthesizer(this);
    }
  }
}
