/**
 * Implementation of the generalisation search; not exported, not API.
 */
@NullMarked
package org.ctdc.deid.internal;

import org.jspecify.annotations.NullMarked;
