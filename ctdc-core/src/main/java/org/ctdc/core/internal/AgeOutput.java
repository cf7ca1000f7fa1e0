package org.ctdc.core.internal;

import java.util.Optional;
import org.ctdc.schema.Variable;

/** What an age rule writes into its target: ageBroad bands, Age range 1 bands, or majority status. */
public enum AgeOutput {
  /** {@code ageBroad} bands. */
  AGE_BROAD,
  /** "Age range 1" bands. */
  RANGE_ONE,
  /** {@code Adult} / {@code Minor}. */
  MAJORITY;

  /** @param v the target @return its output, judged from its codes, or empty */
  public static Optional<AgeOutput> of(Variable v) {
    if (v.values().indexOf("Adult") >= 0 && v.values().indexOf("Minor") >= 0) {
      return Optional.of(MAJORITY);
    }
    if (v.values().indexOf("48+") >= 0 && v.values().indexOf("30--38") >= 0) {
      return Optional.of(AGE_BROAD);
    }
    if (v.values().indexOf("66+") >= 0 && v.values().indexOf("9--11") >= 0) {
      return Optional.of(RANGE_ONE);
    }
    return Optional.empty();
  }

  /** @param age an age in years @return the code to write */
  public String of(int age) {
    return switch (this) {
      case AGE_BROAD -> NormalizerRegistry.ageBroad(age);
      case RANGE_ONE -> NormalizerRegistry.rangeOne(age);
      case MAJORITY -> NormalizerRegistry.majority(age);
    };
  }
}
