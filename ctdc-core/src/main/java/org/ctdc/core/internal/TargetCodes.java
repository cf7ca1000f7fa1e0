package org.ctdc.core.internal;

import java.util.List;
import java.util.OptionalInt;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/** How a target variable accepts a value written in a spec. Not API; thread-safe. */
public final class TargetCodes {

  private TargetCodes() {}

  /** @param v the target @param value a value written in a spec @return whether the target accepts it */
  public static boolean accepts(Variable v, String value) {
    if (v.kind() == VariableKind.FLAG) {
      return value.equals("0") || value.equals("1");
    }
    if (v.kind().isInteger()) {
      OptionalInt i = NormalizerRegistry.parseInt(value);
      return i.isPresent()
          && i.getAsInt() >= v.minimum().orElse(v.kind() == VariableKind.COUNT ? 0 : Integer.MIN_VALUE)
          && i.getAsInt() <= v.maximum().orElse(Integer.MAX_VALUE);
    }
    if (v.kind().isClosed()) {
      return v.values().indexOf(value) >= 0;
    }
    return false;
  }

  /** @param v the target @return what it accepts, in a few words */
  public static String describe(Variable v) {
    if (v.kind() == VariableKind.FLAG) {
      return "a flag: 0 or 1";
    }
    if (v.kind().isInteger()) {
      return "an integer" + v.minimum().stream().mapToObj(m -> " from " + m).findFirst().orElse("")
          + v.maximum().stream().mapToObj(m -> " to " + m).findFirst().orElse("");
    }
    if (v.kind().isClosed()) {
      List<String> codes = v.values().codes().stream().map(c -> c.code()).toList();
      return codes.size() <= 12 ? "codes " + codes : codes.size() + " codes of " + v.values().name();
    }
    return v.kind().name().toLowerCase(java.util.Locale.ROOT);
  }
}
