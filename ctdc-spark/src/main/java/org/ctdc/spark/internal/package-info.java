/** Implementation of the Spark module: column expressions and risk sums. Not API. */
@NullMarked
package org.ctdc.spark.internal;

import org.jspecify.annotations.NullMarked;
