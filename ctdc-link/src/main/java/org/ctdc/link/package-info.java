/**
 * Record linkage with keyed Bloom-filter encodings (cryptographic long-term keys): {@link org.ctdc.link.LinkConfig}
 * (what is encoded), {@link org.ctdc.link.Encoder} (run by each partner), {@link org.ctdc.link.Matcher} (run by
 * the collaborative), {@link org.ctdc.link.OverlapReport} and {@link org.ctdc.link.LinkMerge}.
 */
@NullMarked
package org.ctdc.link;

import org.jspecify.annotations.NullMarked;
