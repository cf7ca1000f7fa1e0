package org.ctdc.schema.internal;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The YAML reader the configuration readers of ctdc-core and ctdc-deid share: Jackson's defaults are too
 * loose for a user's file (fuzzing found nesting to 1000 levels and duplicate keys silently kept last), so
 * nesting, text and key lengths are limited and a key repeated in one mapping is an error. Not API (exported
 * only to ctdc-core and ctdc-deid). This class is thread-safe; so is the mapper it returns once built.
 */
public final class LimitedYaml {
  private LimitedYaml() {}

  /**
   * A YAML reader with limits.
   *
   * @param maxNesting the deepest nesting of mappings and lists
   * @param maxStringLength the longest text value or key, in characters
   * @return a new mapper; reading a tree over a limit or with a duplicate key throws
   */
  public static ObjectMapper mapper(int maxNesting, int maxStringLength) {
    return new ObjectMapper(
            YAMLFactory.builder()
                .streamReadConstraints(
                    StreamReadConstraints.builder()
                        .maxNestingDepth(maxNesting)
                        .maxStringLength(maxStringLength)
                        .maxNameLength(maxStringLength)
                        .build())
                .build())
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  }
}
