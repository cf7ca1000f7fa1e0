/** Internals of ctdc-link: normalisation, tokenisation, keyed hashing, blocking. Not API. */
@NullMarked
package org.ctdc.link.internal;

import org.jspecify.annotations.NullMarked;
