/** The machinery of ctdc-synth: packed keys, primitive maps, exact samplers, the synthesiser. Not API. */
@NullMarked
package org.ctdc.synth.internal;

import org.jspecify.annotations.NullMarked;
