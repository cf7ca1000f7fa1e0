package org.ctdc.link;

import java.util.Objects;

/**
 * A record of one source: the source's name and the record id.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param source the source's name
 * @param id the record id
 */
public record RecordRef(String source, String id) implements Comparable<RecordRef> {
  /** Validates. */
  public RecordRef {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
  }

  @Override
  public int compareTo(RecordRef o) {
    int c = source.compareTo(o.source);
    return c != 0 ? c : id.compareTo(o.id);
  }
}
