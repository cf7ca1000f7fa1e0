package org.ctdc.synth.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.ReleaseFormat;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.ctdc.schema.internal.Shown;
import org.ctdc.synth.SynthException;

/**
 * The attributes of the chosen columns: one per (column, value), a multi-valued column giving one binary
 * attribute per code; numbered by column in schema order, then by value, so that a combination sorted by
 * attribute number lists its columns in schema order. A zero (flag "no", a code written {@code 0}, the count
 * 0) is an attribute only in a column declared to have sensitive zeros. Immutable and thread-safe.
 */
public final class AttributeTable {
  /** Column kinds. */
  static final byte CODES = 0;
  static final byte MASKS = 1;
  static final byte INTS = 2;

  private final Schema schema;
  private final Schema outputSchema;
  private final int[] datasetColumn;
  private final String[] names;
  private final byte[] kind;
  private final boolean[] multi;
  private final int[][] valueToAttr;
  private final int[] intMin;
  private final int[] attrColumn;
  private final int[] attrValue;
  private final String[] attrToken;
  private final int bits;

  private AttributeTable(Schema schema, List<String> columns, List<String> sensitiveZeros, Dataset data,
      boolean domainFromData) {
    this.schema = schema;
    List<Integer> idx = new ArrayList<>();
    for (String c : columns) {
      int i = schema.indexOf(c);
      if (i < 0) {
        throw new SynthException("columns: the schema " + schema.id() + " has no variable '" + Shown.name(c) + "'");
      }
      idx.add(i);
    }
    idx.sort(null);
    int n = idx.size();
    datasetColumn = new int[n];
    names = new String[n];
    kind = new byte[n];
    multi = new boolean[n];
    valueToAttr = new int[n][];
    intMin = new int[n];
    List<Integer> aCol = new ArrayList<>();
    List<Integer> aVal = new ArrayList<>();
    List<String> aTok = new ArrayList<>();
    ReleaseFormat format = schema.format();
    Schema.Builder out = Schema.builder(schema.name(), schema.version()).format(format)
        .description(schema.description());
    for (int c = 0; c < n; c++) {
      int col = idx.get(c);
      datasetColumn[c] = col;
      Variable v = schema.variables().get(col);
      names[c] = v.name();
      out.add(v.toBuilder().derivation(null).build());
      boolean zeros = sensitiveZeros.contains(v.name());
      if (v.kind().isClosed()) {
        multi[c] = v.isMultiValued();
        kind[c] = multi[c] ? MASKS : CODES;
        ValueSet vs = v.values();
        valueToAttr[c] = new int[vs.size()];
        for (int code = 0; code < vs.size(); code++) {
          boolean zero = v.kind() == VariableKind.FLAG ? code == 0 : vs.code(code).code().equals("0");
          if (zero && !zeros) {
            valueToAttr[c][code] = -1;
            continue;
          }
          valueToAttr[c][code] = aCol.size();
          aCol.add(c);
          aVal.add(code);
          aTok.add(v.kind() == VariableKind.FLAG ? (code == 1 ? format.flagTrue() : format.flagFalse())
              : vs.code(code).code());
        }
      } else if (v.kind().isInteger()) {
        kind[c] = INTS;
        TreeSet<Integer> values = new TreeSet<>();
        if (domainFromData) {
          for (int r = 0; r < data.rowCount(); r++) {
            if (!data.isMissing(r, col)) {
              values.add(data.intValue(r, col));
            }
          }
        } else {
          if (v.minimum().isEmpty() || v.maximum().isEmpty()
              || (long) v.maximum().getAsInt() - v.minimum().getAsInt() > 10_000) {
            throw new SynthException("columns: variable '" + Shown.name(v.name()) + "' is a year or count without"
                + " a minimum and maximum at most 10000 apart; mode dp needs its domain from the schema");
          }
          for (int x = v.minimum().getAsInt(); x <= v.maximum().getAsInt(); x++) {
            values.add(x);
          }
        }
        int min = values.isEmpty() ? 0 : values.first();
        int max = values.isEmpty() ? -1 : values.last();
        intMin[c] = min;
        valueToAttr[c] = new int[max - min + 1];
        Arrays.fill(valueToAttr[c], -1);
        for (int x : values) {
          if (x == 0 && !zeros) {
            continue;
          }
          valueToAttr[c][x - min] = aCol.size();
          aCol.add(c);
          aVal.add(x);
          aTok.add(Integer.toString(x));
        }
      } else {
        throw new SynthException("columns: variable '" + Shown.name(v.name()) + "' is free text or an identifier,"
            + " which is never aggregated or synthesised");
      }
    }
    this.outputSchema = out.build();
    attrColumn = aCol.stream().mapToInt(Integer::intValue).toArray();
    attrValue = aVal.stream().mapToInt(Integer::intValue).toArray();
    attrToken = aTok.toArray(new String[0]);
    bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(attrColumn.length));
  }

  /**
   * The attributes of a dataset's chosen columns.
   *
   * @param data the dataset
   * @param columns the chosen columns
   * @param sensitiveZeros the columns whose zero is an attribute
   * @param domainFromData whether the values of year and count columns come from the data (k-synthetic) or
   *     from the schema's bounds (DP)
   * @return the table
   * @throws SynthException naming a column the schema lacks or that cannot be aggregated
   */
  public static AttributeTable of(Dataset data, List<String> columns, List<String> sensitiveZeros,
      boolean domainFromData) {
    return new AttributeTable(data.schema(), columns, sensitiveZeros, data, domainFromData);
  }

  /** @return the input's schema */
  public Schema schema() {
    return schema;
  }

  /** @return the schema of the chosen columns only, for the synthetic data */
  public Schema outputSchema() {
    return outputSchema;
  }

  /** @return the number of attributes */
  public int size() {
    return attrColumn.length;
  }

  /** @return the bits of one attribute in a packed key */
  public int bits() {
    return bits;
  }

  /** @return the number of chosen columns */
  public int columnCount() {
    return names.length;
  }

  /** @param attr an attribute @return the chosen column (position in schema order) it belongs to */
  public int column(int attr) {
    return attrColumn[attr];
  }

  /** @param c a chosen column @return its name */
  public String columnName(int c) {
    return names[c];
  }

  /** @param c a chosen column @return whether it is multi-valued */
  public boolean multiValued(int c) {
    return multi[c];
  }

  /** @param attr an attribute @return its value as the release format writes it */
  public String token(int attr) {
    return attrToken[attr];
  }

  /** @param attr an attribute @return {@code column=value} */
  public String describe(int attr) {
    return names[attrColumn[attr]] + "=" + attrToken[attr];
  }

  /**
   * The most attributes one record can have: one per single-valued column, every code of a multi-valued one.
   *
   * @return the bound, independent of the data
   */
  public int maxPerRecord() {
    int m = 0;
    for (int c = 0; c < names.length; c++) {
      if (multi[c]) {
        for (int a : valueToAttr[c]) {
          m += a >= 0 ? 1 : 0;
        }
      } else {
        m++;
      }
    }
    return m;
  }

  /**
   * Lists a record's attributes in ascending order.
   *
   * @param data the dataset (of this table's schema)
   * @param row the row
   * @param buf room for {@link #maxPerRecord()} attributes
   * @return how many were written
   */
  public int attributes(Dataset data, int row, int[] buf) {
    int n = 0;
    for (int c = 0; c < datasetColumn.length; c++) {
      int col = datasetColumn[c];
      switch (kind[c]) {
        case CODES -> {
          int code = data.code(row, col);
          if (code >= 0) {
            int a = valueToAttr[c][code];
            if (a >= 0) {
              buf[n++] = a;
            }
          }
        }
        case MASKS -> {
          long mask = data.codeSet(row, col);
          if (mask > 0) {
            long rest = mask;
            while (rest != 0) {
              int code = Long.numberOfTrailingZeros(rest);
              rest &= rest - 1;
              int a = valueToAttr[c][code];
              if (a >= 0) {
                buf[n++] = a;
              }
            }
          }
        }
        default -> {
          if (!data.isMissing(row, col)) {
            int x = data.intValue(row, col) - intMin[c];
            if (x >= 0 && x < valueToAttr[c].length && valueToAttr[c][x] >= 0) {
              buf[n++] = valueToAttr[c][x];
            }
          }
        }
      }
    }
    return n;
  }

  /**
   * Writes a synthetic record into an appender of {@link #outputSchema()}.
   *
   * @param out the appender
   * @param attrs the record's attributes, ascending
   * @param len how many
   */
  public void write(Dataset.Appender out, int[] attrs, int len) {
    int i = 0;
    while (i < len) {
      int c = attrColumn[attrs[i]];
      if (kind[c] == MASKS) {
        long mask = 0;
        while (i < len && attrColumn[attrs[i]] == c) {
          mask |= 1L << attrValue[attrs[i]];
          i++;
        }
        out.setCodeSet(c, mask);
      } else {
        if (kind[c] == CODES) {
          out.setCode(c, attrValue[attrs[i]]);
        } else {
          out.setInt(c, attrValue[attrs[i]]);
        }
        i++;
      }
    }
    out.endRow();
  }

  /**
   * Packs ascending attributes into a key, the first in the highest bits.
   *
   * @param attrs attributes
   * @param len how many, at most {@code 64 / bits()}
   * @return the key, never 0
   */
  public long pack(int[] attrs, int len) {
    long k = 0;
    for (int i = 0; i < len; i++) {
      k = (k << bits) | (attrs[i] + 1);
    }
    return k;
  }

  /**
   * Unpacks a key.
   *
   * @param key the key
   * @param len its length
   * @param out where to write the attributes, ascending
   */
  public void unpack(long key, int len, int[] out) {
    long m = (1L << bits) - 1;
    for (int i = len - 1; i >= 0; i--) {
      out[i] = (int) ((key >>> (bits * (len - 1 - i))) & m) - 1;
    }
  }

  /**
   * Checks that combinations of a length fit a packed key.
   *
   * @param length the reporting length
   * @throws SynthException when they do not
   */
  public void requireFits(int length) {
    if ((long) length * bits > 64) {
      throw new SynthException("columns: " + size() + " attributes need " + bits + " bits each; reportingLength "
          + length + " would need more than 64 bits per combination (use fewer columns or a shorter length)");
    }
  }
}
