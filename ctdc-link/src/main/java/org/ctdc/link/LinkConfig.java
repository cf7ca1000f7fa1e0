package org.ctdc.link;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.ctdc.schema.internal.Shown;
import org.ctdc.schema.internal.StrictTree;

/**
 * What a record linkage encodes and how it matches: the id column, the identifying fields with their kind
 * (normalisation and tokenisation), weight and token group, the encoding length and hardening, the
 * similarity threshold and the blocking. The partners of a linkage share one configuration and one secret key
 * (the key is never part of the configuration). {@code docs/link-config.md} describes the file.
 *
 * <p>Create one with {@link #builder(String)} or {@link #read(Path)}. This class is immutable and thread-safe;
 * its builder is not.
 */
public final class LinkConfig {

  /** The shortest encoding, in bits. */
  public static final int MIN_BITS = 64;
  /** The longest encoding, in bits. */
  public static final int MAX_BITS = 1 << 16;
  /** The most hash functions per token of one field. */
  public static final int MAX_WEIGHT = 100;

  /**
   * One identifying field.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param name the field's name, unique in the configuration; tokens are salted with its group
   * @param column the partner file's column that holds it
   * @param kind how it is normalised and tokenised
   * @param weight the number of bit positions each of its tokens sets (1 to {@value #MAX_WEIGHT}); more for a
   *     field that tells people apart well (family name, date of birth), fewer for one that does not (sex)
   * @param q the q-gram length of {@link FieldKind#NAME} and {@link FieldKind#TEXT} fields (1 to 4)
   * @param group the token group: fields of one group share their tokens' salt, so that a given name written
   *     as family name (swapped names) still sets the same bits; the field's name by default
   * @param dateOrder how a {@link FieldKind#DATE} written with separators is read
   */
  public record Field(String name, String column, FieldKind kind, int weight, int q, String group, DateOrder dateOrder) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the setting when a value is out of range or a name is blank
     */
    public Field {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(dateOrder, "dateOrder");
      if (name.isBlank() || column.isBlank() || group.isBlank()) {
        throw new IllegalArgumentException("field: name, column and group must not be blank");
      }
      if (weight < 1 || weight > MAX_WEIGHT) {
        throw new IllegalArgumentException("field '" + Shown.name(name) + "': weight must lie in [1, " + MAX_WEIGHT + "], is " + weight);
      }
      if (q < 1 || q > 4) {
        throw new IllegalArgumentException("field '" + Shown.name(name) + "': q must lie in [1, 4], is " + q);
      }
    }

    /**
     * A field with q = 2, its own group and dates read day first.
     *
     * @param name the field's name (and group)
     * @param column its column
     * @param kind its kind
     * @param weight its weight
     * @return the field
     */
    public static Field of(String name, String column, FieldKind kind, int weight) {
      return new Field(name, column, kind, weight, 2, name, DateOrder.DMY);
    }

    /**
     * This field in another token group.
     *
     * @param g the group
     * @return a copy in group g
     */
    public Field inGroup(String g) {
      return new Field(name, column, kind, weight, q, g, dateOrder);
    }

    /**
     * This field with another date order.
     *
     * @param order the order
     * @return a copy
     */
    public Field withDateOrder(DateOrder order) {
      return new Field(name, column, kind, weight, q, group, order);
    }
  }

  private final String idColumn;
  private final List<Field> fields;
  private final int bits;
  private final Hardening hardening;
  private final double threshold;
  private final int bands;
  private final int bitsPerBand;

  private LinkConfig(Builder b) {
    if (b.fields.isEmpty()) {
      throw new IllegalStateException("fields: at least one identifying field is needed");
    }
    this.idColumn = b.idColumn;
    this.fields = List.copyOf(b.fields);
    this.bits = b.bits;
    this.hardening = b.hardening;
    this.threshold = b.threshold;
    this.bands = b.bands;
    this.bitsPerBand = b.bitsPerBand;
  }

  /**
   * Starts a configuration: no fields, 1,024 bits, {@link Hardening#BALANCE}, threshold 0.82, blocking with 256
   * bands of 18 sampled bits.
   *
   * @param idColumn the partner file's column of record ids (the only column an encoding file carries over)
   * @return a new builder
   * @throws IllegalArgumentException if the column name is blank
   */
  public static Builder builder(String idColumn) {
    return new Builder(idColumn);
  }

  /** @return the column of record ids */
  public String idColumn() {
    return idColumn;
  }

  /** @return the identifying fields, in order */
  public List<Field> fields() {
    return fields;
  }

  /** @return the encoding length in bits (after hardening), a multiple of 64 */
  public int bits() {
    return bits;
  }

  /** @return the hardening */
  public Hardening hardening() {
    return hardening;
  }

  /** @return the least Dice similarity of a match, in (0, 1] */
  public double threshold() {
    return threshold;
  }

  /** @return the number of blocking bands (each a sample of encoding bits); 0 compares all pairs */
  public int bands() {
    return bands;
  }

  /** @return the number of sampled bits per blocking band */
  public int bitsPerBand() {
    return bitsPerBand;
  }

  /** @return the columns the encoder reads: the id column, then each field's column once */
  public List<String> columns() {
    List<String> c = new ArrayList<>();
    c.add(idColumn);
    for (Field f : fields) {
      if (!c.contains(f.column())) {
        c.add(f.column());
      }
    }
    return List.copyOf(c);
  }

  @Override
  public String toString() {
    return "LinkConfig[" + fields.size() + " fields, " + bits + " bits, " + hardening + ", threshold " + threshold
        + ", " + bands + "x" + bitsPerBand + " blocking]";
  }

  /**
   * Builds a {@link LinkConfig}; each setter checks its value. Not thread-safe.
   */
  public static final class Builder {
    private final String idColumn;
    private final List<Field> fields = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private int bits = 1024;
    private Hardening hardening = Hardening.BALANCE;
    private double threshold = 0.82;
    private int bands = 256;
    private int bitsPerBand = 18;

    private Builder(String idColumn) {
      if (idColumn.isBlank()) {
        throw new IllegalArgumentException("id: the id column must not be blank");
      }
      this.idColumn = idColumn;
    }

    /**
     * Adds an identifying field.
     *
     * @param f the field
     * @return this builder
     * @throws IllegalStateException if a field of that name was added before, or its column is the id column
     */
    public Builder field(Field f) {
      if (!names.add(f.name())) {
        throw new IllegalStateException("fields: the field '" + Shown.name(f.name()) + "' is named twice");
      }
      if (f.column().equals(idColumn)) {
        names.remove(f.name());
        throw new IllegalStateException("fields: the field '" + Shown.name(f.name()) + "' reads the id column");
      }
      fields.add(f);
      return this;
    }

    /**
     * Sets the encoding length.
     *
     * @param n bits, a multiple of 64 (128 with {@link Hardening#BALANCE}) in [{@value #MIN_BITS}, {@value #MAX_BITS}]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if balancing is set and n is not a multiple of 128
     */
    public Builder bits(int n) {
      if (n < MIN_BITS || n > MAX_BITS || n % 64 != 0) {
        throw new IllegalArgumentException("encoding.bits must be a multiple of 64 in [" + MIN_BITS + ", " + MAX_BITS + "], is " + n);
      }
      if (hardening == Hardening.BALANCE && n % 128 != 0) {
        throw new IllegalStateException("encoding.bits must be a multiple of 128 with encoding.hardening BALANCE, is " + n);
      }
      bits = n;
      return this;
    }

    /**
     * Sets the hardening.
     *
     * @param h the hardening
     * @return this builder
     * @throws IllegalStateException if h is balancing and the bits set are not a multiple of 128
     */
    public Builder hardening(Hardening h) {
      Objects.requireNonNull(h, "hardening");
      if (h == Hardening.BALANCE && bits % 128 != 0) {
        throw new IllegalStateException("encoding.hardening BALANCE needs encoding.bits a multiple of 128, is " + bits);
      }
      hardening = h;
      return this;
    }

    /**
     * Sets the match threshold.
     *
     * @param t the least Dice similarity of a match, in (0, 1]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder threshold(double t) {
      if (!(t > 0 && t <= 1)) {
        throw new IllegalArgumentException("match.threshold must lie in (0, 1], is " + t);
      }
      threshold = t;
      return this;
    }

    /**
     * Sets the blocking: locality-sensitive hashing by bit sampling, a pair being compared when its two
     * encodings agree on every sampled bit of at least one band.
     *
     * @param bandCount the number of bands, 0 to 1,000 (0 compares every pair)
     * @param bitsEach the bits sampled per band, 1 to 31
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder blocking(int bandCount, int bitsEach) {
      if (bandCount < 0 || bandCount > 1000) {
        throw new IllegalArgumentException("match.blocking.bands must lie in [0, 1000], is " + bandCount);
      }
      if (bitsEach < 1 || bitsEach > 31) {
        throw new IllegalArgumentException("match.blocking.bitsPerBand must lie in [1, 31], is " + bitsEach);
      }
      bands = bandCount;
      bitsPerBand = bitsEach;
      return this;
    }

    /**
     * @return the configuration
     * @throws IllegalStateException if no field was added
     */
    public LinkConfig build() {
      return new LinkConfig(this);
    }
  }

  // ---------------------------------------------------------------------------------------------- reading

  /**
   * Reads a configuration file (YAML, or JSON for {@code .json}); every key must be known and none repeated.
   *
   * @param file the file
   * @return the configuration
   * @throws LinkException naming the file, the path in it and the rule broken
   */
  public static LinkConfig read(Path file) {
    String shown = Shown.name(String.valueOf(file.getFileName()));
    StrictTree.Failure fail = (path, rule) -> new LinkException(shown + (path.isEmpty() ? "" : ": " + path) + ": " + rule);
    JsonNode root = StrictTree.read(file, fail);
    StrictTree.keys(root, "", fail, "id", "fields", "encoding", "match");
    try {
      Builder b = builder(StrictTree.text(root, "id", "", fail));
      JsonNode enc = StrictTree.object(root, "encoding", "", fail, "bits", "hardening");
      Hardening h = enumValue(Hardening.class, StrictTree.text(enc, "hardening", "encoding", fail, "BALANCE"), "encoding.hardening", fail);
      int bits = StrictTree.integer(enc, "bits", "encoding", fail, 1024);
      if (h == Hardening.BALANCE) {
        b.bits(bits);
        b.hardening(h);
      } else {
        b.hardening(h);
        b.bits(bits);
      }
      JsonNode fs = root.get("fields");
      if (fs == null || !fs.isArray() || fs.isEmpty()) {
        throw fail.at("fields", "required: a list of at least one field");
      }
      for (int i = 0; i < fs.size(); i++) {
        String p = "fields[" + i + "]";
        JsonNode f = StrictTree.keys(fs.get(i), p, fail, "name", "column", "kind", "weight", "q", "group", "order");
        String name = StrictTree.text(f, "name", p, fail);
        FieldKind kind = enumValue(FieldKind.class, StrictTree.text(f, "kind", p, fail), p + ".kind", fail);
        try {
          b.field(new Field(name, StrictTree.text(f, "column", p, fail, name), kind,
              StrictTree.integer(f, "weight", p, fail, 10), StrictTree.integer(f, "q", p, fail, 2),
              StrictTree.text(f, "group", p, fail, name),
              enumValue(DateOrder.class, StrictTree.text(f, "order", p, fail, "DMY"), p + ".order", fail)));
        } catch (IllegalArgumentException | IllegalStateException e) {
          throw fail.at(p, String.valueOf(e.getMessage()));
        }
      }
      JsonNode m = StrictTree.object(root, "match", "", fail, "threshold", "blocking");
      b.threshold(StrictTree.number(m, "threshold", "match", fail, 0.82));
      JsonNode bl = StrictTree.object(m, "blocking", "match", fail, "bands", "bitsPerBand");
      b.blocking(StrictTree.integer(bl, "bands", "match.blocking", fail, 256), StrictTree.integer(bl, "bitsPerBand", "match.blocking", fail, 18));
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw fail.at("", String.valueOf(e.getMessage()));
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String path, StrictTree.Failure fail) {
    String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(t)) {
        return e;
      }
    }
    List<String> known = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      known.add(e.name().toLowerCase(Locale.ROOT));
    }
    throw fail.at(path, "unknown value (known: " + String.join(", ", known) + ")");
  }
}
