/**
 * Test support shared by the tests of the ctdc modules: {@link org.ctdc.testkit.CapturingLogProvider}, an
 * SLF4J binding that keeps every log event in memory, and {@link org.ctdc.testkit.FuzzAssertions}, the checks
 * a fuzz test makes on a rejected input's exception.
 *
 * <p>Used at test scope only. The package is {@code org.ctdc.testkit}, a package of no library module, so
 * that the tests of a named module (compiled patched into it) read it from the class path without a split
 * package. The jar has no {@code module-info} and depends on no ctdc module.
 */
package org.ctdc.testkit;
