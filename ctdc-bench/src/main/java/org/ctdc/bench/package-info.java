/** JMH benchmarks of the ctdc anonymisation core, alignment and table protection. */
package org.ctdc.bench;
