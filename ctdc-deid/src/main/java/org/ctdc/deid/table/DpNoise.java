package org.ctdc.deid.table;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The settings of {@link TablesConfig.Method#DP}: differentially private counts, with integer noise from the
 * discrete Gaussian or the discrete Laplace distribution (the exact samplers of ctdc-synth) on every inner
 * cell of every table, and the margins and totals summed from the noisy inner cells.
 *
 * <p><b>The budget.</b> For {@link Mechanism#LAPLACE}, {@code epsilon} (pure {@code ε}-DP, {@code δ = 0}). For
 * {@link Mechanism#GAUSSIAN}, either {@code rho} (zero-concentrated DP, {@code ρ}-zCDP) or {@code epsilon}
 * with {@code delta}, converted to {@code ρ = (sqrt(ε + ln(1/δ)) - sqrt(ln(1/δ)))^2}, the largest {@code ρ}
 * whose zCDP implies {@code (ε, δ)}-DP by {@code ε = ρ + 2 sqrt(ρ ln(1/δ))} (Bun and Steinke 2016,
 * proposition 1.3). The budget is the whole release's: {@link #accounting(int)} splits it evenly over the
 * tables.
 *
 * <p><b>Sensitivity.</b> Neighbouring datasets differ by one record added or removed. A record counts in at
 * most one inner cell of each table, so each table's inner cells have L1 and L2 sensitivity 1; margins and
 * totals are sums of the noisy inner cells (post-processing: they cost no budget, and every table is
 * additive). Tables tabulated from the same records compose: {@code K} tables of {@code ε/K} each (Laplace)
 * or {@code ρ/K} each (Gaussian) give {@code ε} or {@code ρ} in total. Clamping negative noisy inner cells
 * to 0 ({@link #nonNegative()}, on by default) is post-processing too and leaves the guarantee intact.
 *
 * <p><b>Randomness.</b> A {@link java.security.SecureRandom} by default; a {@link #seed()} only for tests and
 * reproducible demos, and then the report and every table's metadata say "seeded, not for publication".
 *
 * <p>Instances are immutable and thread-safe; the {@link Builder} is not thread-safe.
 */
public final class DpNoise {
  /** The notice of a seeded run, in the report and in each table's metadata. */
  public static final String SEEDED_NOTICE = "seeded, not for publication";

  /** The noise distribution. */
  public enum Mechanism {
    /** The discrete Gaussian: {@code ρ}-zCDP, or {@code (ε, δ)}-DP. */
    GAUSSIAN,
    /** The discrete Laplace: pure {@code ε}-DP. */
    LAPLACE;

    /** @return the configuration token, {@code gaussian} or {@code laplace} */
    public String token() {
      return this == GAUSSIAN ? "gaussian" : "laplace";
    }
  }

  private final Mechanism mechanism;
  private final OptionalDouble epsilon;
  private final OptionalDouble delta;
  private final OptionalDouble rho;
  private final OptionalLong seed;
  private final boolean nonNegative;

  private DpNoise(Builder b) {
    this.mechanism = b.mechanism;
    this.epsilon = b.epsilon;
    this.delta = b.delta;
    this.rho = b.rho;
    this.seed = b.seed;
    this.nonNegative = b.nonNegative;
  }

  /**
   * Starts the settings of a mechanism.
   *
   * @param mechanism the noise distribution
   * @return a new builder, not thread-safe
   * @throws NullPointerException if {@code mechanism} is null
   */
  public static Builder builder(Mechanism mechanism) {
    return new Builder(Objects.requireNonNull(mechanism, "mechanism"));
  }

  /** @return the noise distribution */
  public Mechanism mechanism() {
    return mechanism;
  }

  /** @return the total {@code ε} as given, if given */
  public OptionalDouble epsilon() {
    return epsilon;
  }

  /** @return {@code δ} as given (Gaussian only), if given */
  public OptionalDouble delta() {
    return delta;
  }

  /** @return the total {@code ρ} as given (Gaussian only), if given */
  public OptionalDouble rho() {
    return rho;
  }

  /** @return the seed (tests and demos only), if set */
  public OptionalLong seed() {
    return seed;
  }

  /** @return whether negative noisy inner cells are published as 0 (default true) */
  public boolean nonNegative() {
    return nonNegative;
  }

  /**
   * The budget of a release of {@code tables} count tables, split evenly.
   *
   * @param tables the number of tables published from the same records, at least 1
   * @return the accounting
   * @throws IllegalArgumentException if {@code tables} is below 1, or the share of a table is beyond what the
   *     samplers take (a Laplace rate below {@code 10^-9}; a Gaussian {@code σ^2} of {@code 2^40} or more);
   *     the message names the setting
   */
  public Accounting accounting(int tables) {
    if (tables < 1) {
      throw new IllegalArgumentException("tables must be at least 1");
    }
    if (mechanism == Mechanism.LAPLACE) {
      double eps = epsilon.orElseThrow();
      double perTable = eps / tables;
      if (!(perTable >= 1e-9)) {
        throw new IllegalArgumentException("epsilon: its share per table (epsilon / " + tables + ") is below 1e-9");
      }
      // pure eps-DP implies (eps^2 / 2)-zCDP (Bun and Steinke 2016, proposition 1.4), per table
      double rhoT = perTable * perTable / 2;
      return new Accounting(mechanism, tables, OptionalDouble.of(eps), OptionalDouble.of(0), rhoT * tables,
          OptionalDouble.of(perTable), rhoT, OptionalDouble.empty(), OptionalDouble.of(perTable), seed.isPresent(),
          nonNegative);
    }
    double total = rho.isPresent() ? rho.getAsDouble() : rhoOf(epsilon.orElseThrow(), delta.orElseThrow());
    double rhoT = total / tables;
    double sigma2 = 1 / (2 * rhoT);
    if (!(sigma2 < 0x1p40)) {
      throw new IllegalArgumentException((rho.isPresent() ? "rho" : "epsilon") + ": its share per table gives a"
          + " noise variance of 2^40 or more");
    }
    OptionalDouble eps = rho.isPresent()
        ? (delta.isPresent() ? OptionalDouble.of(epsilonOf(total, delta.getAsDouble())) : OptionalDouble.empty())
        : epsilon;
    OptionalDouble epsT = delta.isPresent() ? OptionalDouble.of(epsilonOf(rhoT, delta.getAsDouble()))
        : OptionalDouble.empty();
    return new Accounting(mechanism, tables, eps, delta, total, epsT, rhoT, OptionalDouble.of(sigma2),
        OptionalDouble.empty(), seed.isPresent(), nonNegative);
  }

  /**
   * The largest {@code ρ} whose zCDP implies {@code (ε, δ)}-DP: {@code (sqrt(ε + L) - sqrt(L))^2}, {@code L =
   * ln(1/δ)}, computed without the cancellation of a difference of close square roots.
   *
   * @param epsilon ε, positive
   * @param delta δ, in (0, 1)
   * @return ρ
   */
  public static double rhoOf(double epsilon, double delta) {
    double l = StrictMath.log(1 / delta);
    double root = epsilon / (StrictMath.sqrt(epsilon + l) + StrictMath.sqrt(l));
    return root * root;
  }

  /**
   * The {@code ε} of {@code (ε, δ)}-DP that {@code ρ}-zCDP implies: {@code ρ + 2 sqrt(ρ ln(1/δ))}.
   *
   * @param rho ρ, positive
   * @param delta δ, in (0, 1)
   * @return ε
   */
  public static double epsilonOf(double rho, double delta) {
    return rho + 2 * StrictMath.sqrt(rho * StrictMath.log(1 / delta));
  }

  /**
   * The budget of a release: in total and per table, and the noise of each inner cell.
   *
   * <p>Instances are immutable and thread-safe.
   *
   * @param mechanism the noise distribution
   * @param tables the number of tables the budget is split over
   * @param totalEpsilon the release's ε (Laplace; Gaussian when given or implied at the given δ)
   * @param delta the release's δ (0 for Laplace; Gaussian when given)
   * @param totalRho the release's ρ of zCDP (Laplace: implied, {@code K (ε/K)^2 / 2})
   * @param perTableEpsilon each table's ε (Laplace; Gaussian at the release's δ, when given)
   * @param perTableRho each table's ρ
   * @param sigmaSquared the Gaussian's {@code σ^2 = 1 / (2 ρ_t)} before it is rounded up to a multiple of
   *     {@code 2^-20} by the sampler
   * @param laplaceRate the Laplace rate {@code ε_t} before it is rounded down to a multiple of {@code 10^-9}
   *     by the sampler (scale {@code 1/ε_t})
   * @param seeded whether the noise comes from a seed (then not for publication)
   * @param nonNegative whether negative noisy inner cells are published as 0
   */
  public record Accounting(Mechanism mechanism, int tables, OptionalDouble totalEpsilon, OptionalDouble delta,
      double totalRho, OptionalDouble perTableEpsilon, double perTableRho, OptionalDouble sigmaSquared,
      OptionalDouble laplaceRate, boolean seeded, boolean nonNegative) {

    /** Validates. */
    public Accounting {
      Objects.requireNonNull(mechanism, "mechanism");
      Objects.requireNonNull(totalEpsilon, "totalEpsilon");
      Objects.requireNonNull(delta, "delta");
      Objects.requireNonNull(perTableEpsilon, "perTableEpsilon");
      Objects.requireNonNull(sigmaSquared, "sigmaSquared");
      Objects.requireNonNull(laplaceRate, "laplaceRate");
      if (tables < 1) {
        throw new IllegalArgumentException("tables must be at least 1");
      }
    }

    /**
     * The method's name in the report and in each table's {@code method}.
     *
     * @return such as {@code dp discrete-gaussian}
     */
    public String method() {
      return "dp discrete-" + mechanism.token();
    }

    /**
     * The accounting in words, for the report: total and per-table budget, the sensitivity, the noise.
     *
     * @return the lines (without indentation)
     */
    public List<String> lines() {
      List<String> out = new java.util.ArrayList<>();
      String per = tables == 1 ? "the release's only table" : "each of the " + tables + " tables";
      if (mechanism == Mechanism.LAPLACE) {
        out.add("budget: epsilon = " + num(totalEpsilon.orElseThrow()) + ", delta = 0 (pure DP) in total; epsilon = "
            + num(perTableEpsilon.orElseThrow()) + " for " + per + " (equivalently rho = " + num(totalRho)
            + " zCDP in total, " + num(perTableRho) + " per table)");
        out.add("noise: discrete Laplace of scale 1/epsilon_t = " + num(1 / laplaceRate.orElseThrow())
            + " on every inner cell (L1 sensitivity 1 per table; one record added or removed)");
      } else {
        StringBuilder b = new StringBuilder("budget: rho = " + num(totalRho) + " zCDP in total");
        if (totalEpsilon.isPresent()) {
          b.append(", (epsilon, delta) = (").append(num(totalEpsilon.getAsDouble())).append(", ")
              .append(num(delta.orElseThrow())).append(")");
        }
        b.append("; rho = ").append(num(perTableRho));
        perTableEpsilon.ifPresent(e -> b.append(", epsilon = ").append(num(e)).append(" at the same delta"));
        b.append(" for ").append(per);
        out.add(b.toString());
        out.add("noise: discrete Gaussian of sigma^2 = 1/(2 rho_t) = " + num(sigmaSquared.orElseThrow())
            + " on every inner cell (L2 sensitivity 1 per table; one record added or removed)");
      }
      out.add("margins and totals: sums of the noisy inner cells (post-processing; the table is additive)");
      return out;
    }

    /**
     * The accounting as the {@code protection.noise} object of each table's definition ({@code NAME.table.json},
     * docs/table-format.md): insertion-ordered, values numbers, text and truth values.
     *
     * @return the map
     */
    public java.util.Map<String, Object> metadata() {
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("method", method());
      m.put("mechanism", "discrete-" + mechanism.token());
      m.put("neighbours", "one record added or removed");
      m.put(mechanism == Mechanism.GAUSSIAN ? "l2Sensitivity" : "l1Sensitivity", 1);
      if (mechanism == Mechanism.GAUSSIAN) {
        m.put("sigmaSquared", sigmaSquared.orElseThrow());
      } else {
        m.put("laplaceScale", 1 / laplaceRate.orElseThrow());
      }
      m.put("tablesInRelease", tables);
      m.put("perTable", budget(perTableEpsilon, perTableRho));
      m.put("total", budget(totalEpsilon, totalRho));
      m.put("margins", "sums of the noisy inner cells");
      m.put("nonNegative", nonNegative);
      m.put("randomness", seeded ? SEEDED_NOTICE : "SecureRandom");
      return m;
    }

    private java.util.Map<String, Object> budget(OptionalDouble eps, double r) {
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      eps.ifPresent(e -> m.put("epsilon", e));
      delta.ifPresent(d -> m.put("delta", d));
      m.put("rho", r);
      return m;
    }

    static String num(double d) {
      return Double.toString(d);
    }
  }

  /**
   * Configures {@link DpNoise}: each setting is checked when it is set (IllegalArgumentException for a value
   * out of range, IllegalStateException for a setting that conflicts with one set before, each naming the
   * setting). Not thread-safe.
   */
  public static final class Builder {
    private final Mechanism mechanism;
    private OptionalDouble epsilon = OptionalDouble.empty();
    private OptionalDouble delta = OptionalDouble.empty();
    private OptionalDouble rho = OptionalDouble.empty();
    private OptionalLong seed = OptionalLong.empty();
    private boolean nonNegative = true;

    private Builder(Mechanism mechanism) {
      this.mechanism = mechanism;
    }

    /**
     * Sets the release's total ε.
     *
     * @param epsilon positive and finite
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if {@code rho} is set
     */
    public Builder epsilon(double epsilon) {
      if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
        throw new IllegalArgumentException("epsilon must be positive and finite");
      }
      if (rho.isPresent()) {
        throw new IllegalStateException("epsilon and rho: give one budget, not both");
      }
      this.epsilon = OptionalDouble.of(epsilon);
      return this;
    }

    /**
     * Sets δ (Gaussian only): with {@code epsilon}, the budget is {@code (ε, δ)}-DP; with {@code rho}, the
     * report adds the {@code ε} implied at this δ.
     *
     * @param delta in (0, 1)
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException for the Laplace mechanism (pure DP has no δ)
     */
    public Builder delta(double delta) {
      if (!(delta > 0 && delta < 1)) {
        throw new IllegalArgumentException("delta must be above 0 and below 1");
      }
      if (mechanism == Mechanism.LAPLACE) {
        throw new IllegalStateException("delta: mechanism laplace gives pure epsilon-DP; delta is for gaussian");
      }
      this.delta = OptionalDouble.of(delta);
      return this;
    }

    /**
     * Sets the release's total ρ of zCDP (Gaussian only).
     *
     * @param rho positive and finite
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException for the Laplace mechanism, or if {@code epsilon} is set
     */
    public Builder rho(double rho) {
      if (!(rho > 0) || Double.isInfinite(rho)) {
        throw new IllegalArgumentException("rho must be positive and finite");
      }
      if (mechanism == Mechanism.LAPLACE) {
        throw new IllegalStateException("rho: mechanism laplace takes epsilon; rho is for gaussian");
      }
      if (epsilon.isPresent()) {
        throw new IllegalStateException("epsilon and rho: give one budget, not both");
      }
      this.rho = OptionalDouble.of(rho);
      return this;
    }

    /**
     * Seeds the noise, for tests and reproducible demos only: the output then says "{@value
     * DpNoise#SEEDED_NOTICE}". Unset by default ({@link java.security.SecureRandom}).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = OptionalLong.of(seed);
      return this;
    }

    /**
     * Whether negative noisy inner cells are published as 0 (post-processing; the margins are then sums of
     * the clamped cells, biased upwards in sparse tables). Default true.
     *
     * @param nonNegative whether to clamp
     * @return this builder
     */
    public Builder nonNegative(boolean nonNegative) {
      this.nonNegative = nonNegative;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     * @throws IllegalStateException if the budget is incomplete: Laplace without {@code epsilon}, Gaussian
     *     without {@code rho} or {@code epsilon}, or with {@code epsilon} but no {@code delta}
     */
    public DpNoise build() {
      if (mechanism == Mechanism.LAPLACE && epsilon.isEmpty()) {
        throw new IllegalStateException("epsilon is required for mechanism laplace");
      }
      if (mechanism == Mechanism.GAUSSIAN && epsilon.isEmpty() && rho.isEmpty()) {
        throw new IllegalStateException("rho, or epsilon with delta, is required for mechanism gaussian");
      }
      if (mechanism == Mechanism.GAUSSIAN && epsilon.isPresent() && delta.isEmpty()) {
        throw new IllegalStateException("delta is required with epsilon for mechanism gaussian");
      }
      return new DpNoise(this);
    }
  }
}
