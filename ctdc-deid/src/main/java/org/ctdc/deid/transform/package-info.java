/**
 * Transformations that change a dataset to lower its disclosure risk, as opposed to {@link
 * org.ctdc.deid.risk}, which measures it: local suppression of single quasi-identifier cells to reach
 * k-anonymity under the wildcard rule ({@link org.ctdc.deid.transform.LocalSuppression}), and top and bottom
 * coding of year and count variables ({@link org.ctdc.deid.transform.TopBottomCoding}).
 *
 * <p>Thread-safety: every type of this package is immutable and thread-safe, except the builders, which are
 * meant for one thread. A transformation never changes its input: it returns a new dataset.
 */
@NullMarked
package org.ctdc.deid.transform;

import org.jspecify.annotations.NullMarked;
