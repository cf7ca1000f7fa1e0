package org.ctdc.core.normalize;

/**
 * How Kosovo is written in the output. CTDC's own table counts Kosovo (its private code {@code Y1}) under
 * Serbia; other targets keep it apart under the user-assigned code {@code XK}/{@code XKX}. Tibet (CTDC's
 * {@code TB}) is always counted under China, as CTDC does.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum PrivateCodePolicy {
  /** Kosovo resolves to Serbia ({@code RS}/{@code SRB}), as CTDC counts it. The default. */
  KOSOVO_AS_SERBIA,
  /** Kosovo resolves to its own row ({@code XK}/{@code XKX}, no numeric code). */
  KOSOVO_AS_XK
}
