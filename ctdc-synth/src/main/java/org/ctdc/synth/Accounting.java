package org.ctdc.synth;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a release of aggregates spent and how it was made, stated in every report and in the aggregates'
 * metadata: the mode, the protected record count (in DP mode the noisy count n', never the true one), the
 * resolution, the DP budget with its parts (DP mode), the allowed sensitivity Delta_k and the threshold rho_k of
 * every length, and the randomness: a {@code SecureRandom}, or a seed given for tests and reproducible demos.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mode the mode
 * @param reportingLength R
 * @param protectedRecordCount n' in DP mode, the record count rounded down to the resolution in k-synthetic mode
 * @param resolution the resolution
 * @param budget the budget and its split (DP mode)
 * @param sensitivities Delta_1..Delta_R (DP mode; empty otherwise)
 * @param thresholds rho_1..rho_R (DP mode; empty otherwise)
 * @param noise the noise distribution, {@code discrete Gaussian} (DP mode) or {@code none}
 * @param seed the seed when one was given: then the output is reproducible and must not be published as
 *     protected
 */
public record Accounting(SynthConfig.Mode mode, int reportingLength, long protectedRecordCount, int resolution,
    Optional<Budget> budget, List<Integer> sensitivities, List<Double> thresholds, String noise, OptionalLong seed) {

  /** Copies the lists. */
  public Accounting {
    sensitivities = List.copyOf(sensitivities);
    thresholds = List.copyOf(thresholds);
  }

  /** @return {@code seeded (not for publication)} or {@code SecureRandom} */
  public String randomness() {
    return seed.isPresent() ? "seeded (reproducible; not for publication)" : "SecureRandom";
  }
}
