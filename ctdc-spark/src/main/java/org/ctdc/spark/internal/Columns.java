package org.ctdc.spark.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ctdc.deid.Hierarchy;
import org.ctdc.schema.ReleaseFormat;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.jspecify.annotations.Nullable;

/** Column expressions and small collecting jobs of the Spark module. Stateless; not API. */
public final class Columns {
  private Columns() {}

  /**
   * A column by its name, quoted so that dots and other characters in the name are not parsed.
   *
   * @param name the column's name
   * @return the column
   */
  public static Column col(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }

  /**
   * A cell as the schema's CSV token: the value cast to string, null where it is null or a missing token.
   *
   * @param c the column
   * @param missingTokens the tokens that mean missing
   * @return the expression
   */
  public static Column token(Column c, List<String> missingTokens) {
    Column s = c.cast(DataTypes.StringType);
    return functions.when(s.isNull().or(s.isin(missingTokens.toArray())), functions.lit(null).cast(DataTypes.StringType))
        .otherwise(s);
  }

  /**
   * The distinct non-missing values of some columns, in one job.
   *
   * @param tokens the dataset of string columns
   * @param names the columns
   * @return per column its values, sorted
   */
  public static List<List<String>> distinct(Dataset<Row> tokens, List<String> names) {
    Column[] pairs = new Column[names.size()];
    for (int i = 0; i < names.size(); i++) {
      pairs[i] = functions.struct(functions.lit(i).as("i"), col(names.get(i)).as("v"));
    }
    Dataset<Row> values = tokens.select(functions.explode(functions.array(pairs)).as("p"))
        .select(functions.col("p.i"), functions.col("p.v")).where(functions.col("v").isNotNull()).distinct();
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(new ArrayList<>());
    }
    for (Row r : values.collectAsList()) {
      out.get(r.getInt(0)).add(r.getString(1));
    }
    out.forEach(l -> l.sort(null));
    return out;
  }

  /**
   * The hierarchy leaf of a value as the single-machine run codes it: a code is its own leaf; an integer
   * (year, count) matches the leaf of the same number.
   *
   * @param v the variable
   * @param format the release format of the input
   * @param h its hierarchy
   * @param token the value
   * @return the leaf, or null when the value has none
   */
  public static @Nullable String leafOf(Variable v, ReleaseFormat format, Hierarchy h, String token) {
    if (v.kind().isInteger()) {
      int value;
      try {
        value = Integer.parseInt(token.trim());
      } catch (NumberFormatException e) {
        return null;
      }
      for (String leaf : h.leaves()) {
        try {
          if (Integer.parseInt(leaf.trim()) == value) {
            return leaf;
          }
        } catch (NumberFormatException e) {
          // a non-numeric leaf matches no integer
        }
      }
      return null;
    }
    String code = valueCode(v, format, token);
    boolean inValueSet = v.values().codes().stream().anyMatch(c -> c.code().equals(code));
    return inValueSet && h.indexOf(0, code) >= 0 ? code : null;
  }

  /**
   * The token of a value-set code as the format writes it: a flag's {@code 0} or {@code 1} becomes the
   * format's flag token; other codes are their own tokens.
   *
   * @param v the variable
   * @param format the release format
   * @param code the code
   * @return the token
   */
  public static String tokenOf(Variable v, ReleaseFormat format, String code) {
    if (v.kind() == VariableKind.FLAG) {
      return "1".equals(code) ? format.flagTrue() : format.flagFalse();
    }
    return code;
  }

  /**
   * The value-set code of a closed variable's token: a flag's token as the format writes it becomes
   * {@code 0} or {@code 1} (the "no" token checked first, as the CSV reader does); other tokens are codes.
   *
   * @param v the variable
   * @param format the release format of the input
   * @param token the token
   * @return the code
   */
  public static String valueCode(Variable v, ReleaseFormat format, String token) {
    if (v.kind() == VariableKind.FLAG) {
      if (token.equals(format.flagFalse())) {
        return "0";
      }
      if (token.equals(format.flagTrue())) {
        return "1";
      }
    }
    return token;
  }

  /**
   * A lookup of a string column's values in a map of codes; null maps to {@code missing}.
   *
   * @param c the column
   * @param codeOf value to code (every non-null value of the column)
   * @param missing the code of null
   * @return the int expression
   */
  public static Column lookup(Column c, Map<String, Integer> codeOf, int missing) {
    if (codeOf.isEmpty()) {
      return functions.lit(missing);
    }
    List<Column> keys = new ArrayList<>();
    List<Column> values = new ArrayList<>();
    codeOf.forEach((k, v) -> {
      keys.add(functions.lit(k));
      values.add(functions.lit(v));
    });
    Column map = functions.map_from_arrays(functions.array(keys.toArray(new Column[0])),
        functions.array(values.toArray(new Column[0])));
    return functions.when(c.isNull(), functions.lit(missing)).otherwise(functions.element_at(map, c));
  }

  /**
   * A quasi-identifier's release label at a level, from its level-0 code: null for a missing slot (below
   * the top level), the top label for everything at the top level.
   *
   * @param code the level-0 code column
   * @param h the hierarchy
   * @param level the chosen level
   * @return the string expression
   */
  public static Column generalise(Column code, Hierarchy h, int level) {
    List<String> labels = h.labels(level);
    if (level == h.height() && h.height() > 0) {
      return functions.lit(labels.get(0));
    }
    int[] leafTo = h.leafToLevel(level);
    List<Column> keys = new ArrayList<>();
    List<Column> values = new ArrayList<>();
    for (int leaf = 0; leaf < leafTo.length; leaf++) {
      keys.add(functions.lit(leaf));
      values.add(functions.lit(labels.get(leafTo[leaf])));
    }
    Column map = functions.map_from_arrays(functions.array(keys.toArray(new Column[0])),
        functions.array(values.toArray(new Column[0])));
    return functions.when(code.lt(leafTo.length), functions.element_at(map, code))
        .otherwise(functions.lit(null).cast(DataTypes.StringType));
  }

  /**
   * The keyed pseudonym of a text column (HMAC-SHA-256, lower-case hex), as the single-machine release
   * writes it; null stays null.
   *
   * @param c the column
   * @param key the pseudonym key
   * @return the expression
   */
  public static Column pseudonym(Column c, byte[] key) {
    UserDefinedFunction f = functions.udf(new Pseudonym(key.clone()), DataTypes.StringType);
    return f.apply(c);
  }

  /** HMAC-SHA-256 of a text, in hex; one MAC per executor thread. */
  private static final class Pseudonym implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;
    private final byte[] key;
    private transient @Nullable ThreadLocal<Mac> mac;

    Pseudonym(byte[] key) {
      this.key = key;
    }

    @Override
    public @Nullable String call(@Nullable String text) throws GeneralSecurityException {
      if (text == null) {
        return null;
      }
      ThreadLocal<Mac> local = mac;
      if (local == null) {
        local = ThreadLocal.withInitial(() -> {
          try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
          }
        });
        mac = local;
      }
      byte[] h = local.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(h.length * 2);
      for (byte b : h) {
        sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return sb.toString();
    }
  }

  /**
   * The rows whose code columns {@code _q0.._q(m-1)} are none of the given combinations: an anti-join with
   * the broadcast combinations.
   *
   * @param withCodes the rows with their code columns
   * @param m the number of code columns
   * @param combinations the combinations to remove
   * @param spark the session
   * @return the remaining rows
   */
  public static Dataset<Row> antiJoin(Dataset<Row> withCodes, int m, List<int[]> combinations, SparkSession spark) {
    StructField[] fields = new StructField[m];
    for (int i = 0; i < m; i++) {
      fields[i] = DataTypes.createStructField("_s" + i, DataTypes.IntegerType, false);
    }
    List<Row> rows = new ArrayList<>();
    for (int[] c : combinations) {
      rows.add(RowFactory.create(Arrays.stream(c).boxed().toArray()));
    }
    Dataset<Row> gone = functions.broadcast(spark.createDataFrame(rows, new StructType(fields)));
    Column on = functions.lit(true);
    for (int i = 0; i < m; i++) {
      on = on.and(withCodes.col("_q" + i).equalTo(gone.col("_s" + i)));
    }
    return withCodes.join(gone, on, "left_anti");
  }
}
