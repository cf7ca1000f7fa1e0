/**
 * Implementation of the table audit; not exported, not API.
 */
@NullMarked
package org.ctdc.deid.audit.internal;

import org.jspecify.annotations.NullMarked;
