package org.ctdc.schema;

import java.util.List;
import java.util.Objects;
import org.ctdc.schema.internal.DiffEngine;
import org.ctdc.schema.internal.DiffRendering;

/**
 * The differences between two versions of a schema: variables added, removed, renamed and merged; kinds,
 * roles, multi-valuedness and value sets changed; value sets recoded; the release format changed.
 *
 * <p>Matching: a variable of the newer schema matches the older variable of the same name; failing that, the
 * older variables named by its {@link Variable#previousNames()} (leaving out names the newer schema still
 * uses itself). One such older variable is a rename, two or more a merge, none an addition. Older variables
 * matched by nothing are removed; variables consumed by a merge are not also reported removed. Merged
 * variables are not compared further.
 *
 * <p>For each matched pair (same name or renamed): kind, role and multi-valuedness are compared, and, when
 * both are closed and neither is a flag, the value sets code by code ({@link SchemaChange.ValueSetChanged}).
 * When more than half of the codes of the larger value set pair up with a different code of equal label
 * (labels compared trimmed and case folded; a label that repeats within a value set never pairs), and such
 * pairs outnumber the codes both value sets share, the value set was recoded
 * ({@link SchemaChange.ValueSetRecoded}, reported once per variable instead of the code-by-code change).
 * Labels, definitions, notes, aliases, bounds, separators of single variables, derivations and the
 * schema's description and sources are not compared.
 *
 * <p>Order of {@link #changes()}: a {@link SchemaChange.ReleaseFormatChanged} first, if any; then, for each
 * variable of the newer schema in its order, how it matched (added, renamed or merged) followed by its own
 * changes (kind, role, multi-valued, value set); then the removed variables in the older schema's order.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class SchemaDiff {

  private final Schema older;
  private final Schema newer;
  private final List<SchemaChange> changes;

  private SchemaDiff(Schema older, Schema newer, List<SchemaChange> changes) {
    this.older = older;
    this.newer = newer;
    this.changes = changes;
  }

  /**
   * Compares two schemas.
   *
   * @param older the earlier version
   * @param newer the later version
   * @return the differences
   * @throws NullPointerException if a schema is null
   */
  public static SchemaDiff between(Schema older, Schema newer) {
    Objects.requireNonNull(older, "older");
    Objects.requireNonNull(newer, "newer");
    return new SchemaDiff(older, newer, DiffEngine.changes(older, newer));
  }

  /** @return the earlier schema */
  public Schema older() {
    return older;
  }

  /** @return the later schema */
  public Schema newer() {
    return newer;
  }

  /** @return the changes in the order documented on this class; immutable */
  public List<SchemaChange> changes() {
    return changes;
  }

  /** @return whether the two schemas show no reported difference */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /**
   * The changes as human-readable text, one line per change, each ending with LF, for example
   * {@code + added isSlaveryAndPractices (flag)},
   * {@code ~ merged meansOfControlThreats, meansOfControlUsesChildren -> meansThreats} or
   * {@code ~ recoded citizenship: value set iso3166-alpha2 -> iso3166-alpha3 (250 codes matched by label)}.
   * Lines start with {@code +} (added), {@code -} (removed) or {@code ~} (changed). The text is empty when
   * there is no change. Meant for people; parse {@link #toJson()} instead.
   *
   * @return the text
   */
  public String toText() {
    return DiffRendering.text(changes);
  }

  /**
   * The changes as JSON, diff format 1 (documented in {@code docs/schema-diff.md}): an object with
   * {@code diffFormat} (1), {@code older} and {@code newer} (the schema ids, {@code name@version}) and
   * {@code changes}, an array in the order of {@link #changes()} whose elements each carry a {@code type}
   * ({@code variableAdded}, {@code variableRemoved}, {@code variableRenamed}, {@code variablesMerged},
   * {@code kindChanged}, {@code roleChanged}, {@code multiValuedChanged}, {@code valueSetChanged},
   * {@code valueSetRecoded}, {@code releaseFormatChanged}) and the record's components; kinds and roles
   * are written as in schema files. Pretty-printed, LF line ends, byte-for-byte stable.
   *
   * @return the JSON document
   */
  public String toJson() {
    return DiffRendering.json(older, newer, changes);
  }

  @Override
  public String toString() {
    return "SchemaDiff[" + older.id() + " -> " + newer.id() + ", " + changes.size() + " changes]";
  }
}
