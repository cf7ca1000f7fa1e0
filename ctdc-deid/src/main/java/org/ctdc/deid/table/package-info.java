/**
 * Tabulation of count and magnitude tables with hierarchical margins, primary and secondary cell suppression, rounding and cell-key perturbation.
 */
@NullMarked
package org.ctdc.deid.table;

import org.jspecify.annotations.NullMarked;
