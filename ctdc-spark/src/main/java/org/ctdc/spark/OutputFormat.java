package org.ctdc.spark;

/**
 * The file format of a release written by {@link SparkDeidResult#write}.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum OutputFormat {
  /** Parquet, every column a string, missing as null. */
  PARQUET,
  /** CSV with a header line, the schema's delimiter, missing as the schema's first missing token. */
  CSV
}
