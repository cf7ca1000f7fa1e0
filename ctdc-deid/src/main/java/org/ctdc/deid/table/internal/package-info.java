/**
 * Implementation of table protection; not exported, not API.
 */
@NullMarked
package org.ctdc.deid.table.internal;

import org.jspecify.annotations.NullMarked;
