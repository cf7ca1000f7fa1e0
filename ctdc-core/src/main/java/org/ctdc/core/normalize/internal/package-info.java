/**
 * Implementation of the normalisers; not exported, not API.
 */
@NullMarked
package org.ctdc.core.normalize.internal;

import org.jspecify.annotations.NullMarked;
