package org.ctdc.deid;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One node of the generalisation lattice as classified by a search.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param levels the level per quasi-identifier, in configuration order
 * @param status whether the node satisfies the models within the suppression limit
 * @param metric the metric's value, present where the node's table was evaluated
 */
public record LatticeNode(List<Integer> levels, Status status, OptionalDouble metric) {

  /** The classification of a node. */
  public enum Status {
    /** Satisfies the models within the suppression limit (evaluated or implied by monotonicity). */
    FEASIBLE,
    /** Does not (evaluated or implied by monotonicity). */
    INFEASIBLE,
    /** Not classified: the search neither evaluated it nor could imply its status. */
    UNKNOWN
  }

  /** Copies the levels. */
  public LatticeNode {
    levels = List.copyOf(levels);
  }
}
