/**
 * Implementation of data norming; not exported, not API.
 */
@NullMarked
package org.ctdc.core.internal;

import org.jspecify.annotations.NullMarked;
