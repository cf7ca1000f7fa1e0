package org.ctdc.deid.audit;

import java.util.List;
import java.util.Objects;
import org.ctdc.schema.internal.Shown;

/**
 * A cell of a named published table, addressed by one code per dimension of that table (a leaf category
 * code, a hierarchy node name or the dimension's total label), in the order of the table's dimensions.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param table the table name
 * @param codes one code per dimension of the table
 */
public record CellRef(String table, List<String> codes) {
  /**
   * Validates and copies the codes.
   *
   * @throws NullPointerException if an argument or a code is null
   */
  public CellRef {
    Objects.requireNonNull(table, "table");
    codes = List.copyOf(codes);
  }

  /**
   * A cell from its codes.
   *
   * @param table the table name
   * @param codes one code per dimension of the table
   * @return the reference
   */
  public static CellRef of(String table, String... codes) {
    return new CellRef(table, List.of(codes));
  }

  /**
   * The cell as {@code table(code1, code2)}, codes only, each name and code cut and without control
   * characters as a message shows it.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(Shown.name(table)).append('(');
    for (int i = 0; i < codes.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(Shown.name(codes.get(i)));
    }
    return sb.append(')').toString();
  }
}
