/**
 * De-identification of any {@link org.ctdc.schema.Dataset}: hierarchies, privacy models, optimal
 * generalisation with suppression, risk measures and small-cell masking of published tables.
 */
@NullMarked
package org.ctdc.deid;

import org.jspecify.annotations.NullMarked;
