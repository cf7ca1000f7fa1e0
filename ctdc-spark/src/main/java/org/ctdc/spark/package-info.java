/**
 * De-identification on Apache Spark: the frequency table of the quasi-identifiers as a group-by on the
 * cluster, the library's optimal search on the driver, the release (generalisation and record suppression)
 * and its independent verification back on the cluster. Entry point: {@link org.ctdc.spark.SparkDeidentifier}.
 */
@NullMarked
package org.ctdc.spark;

import org.jspecify.annotations.NullMarked;
