/**
 * Exact samplers of integer noise for differential privacy: {@link org.ctdc.synth.noise.DiscreteGaussian} and
 * {@link org.ctdc.synth.noise.DiscreteLaplace} (Canonne, Kamath and Steinke 2020), immutable objects made by
 * static factories from rational parameters. Every draw compares uniform integers with integers: no
 * floating-point number ever touches a count. Used by ctdc-synth's DP marginals and by the DP method of
 * {@code ctdc tables} in ctdc-deid: one implementation.
 */
@NullMarked
package org.ctdc.synth.noise;

import org.jspecify.annotations.NullMarked;
