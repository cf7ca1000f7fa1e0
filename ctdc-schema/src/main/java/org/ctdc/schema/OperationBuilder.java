package org.ctdc.schema;

/**
 * The settings every long-running operation of the library shares, set the same way on each operation's
 * builder: alignment ({@code Aligner}), de-identification ({@code Deidentifier}), local suppression,
 * tabulation and protection of tables, their audit, and synthesis.
 *
 * <p>Each operation is an immutable object made by a static factory of its class ({@code builder(...)} or
 * {@code of(...)}); its builder checks each setting when it is set and throws
 * {@link IllegalArgumentException} for a value out of range or {@link IllegalStateException} for a setting
 * that conflicts with one set before, naming both settings. Those two exceptions mean a mistake in the
 * calling program. A failure of the data, a file or a specification is a {@link CtdcException}, so
 * {@code catch (CtdcException e)} catches every failure the library reports about its input.
 *
 * <p>Every builder of the library extends {@link AbstractOperationBuilder}, which holds and checks these two
 * settings once for all operations.
 *
 * <p>Implementations are not thread-safe (builders are meant to be used by one thread); the operations
 * they build are immutable and thread-safe unless their class says otherwise.
 *
 * @param <B> the builder's own type, returned by each setter for chaining
 */
public interface OperationBuilder<B extends OperationBuilder<B>> {

  /**
   * Sets the listener of the operation's progress reports. Each operation's documentation names its stages
   * and how often it reports.
   *
   * @param listener the listener; {@link ProgressListener#none()} by default
   * @return this builder
   * @throws NullPointerException if {@code listener} is null
   */
  B progress(ProgressListener listener);

  /**
   * Sets the signal that stops the operation: once {@link Cancellation#cancel() raised}, the operation
   * throws {@link OperationCancelledException} at its next check and returns no result and writes no output.
   *
   * @param signal the signal; {@link Cancellation#none()} by default
   * @return this builder
   * @throws NullPointerException if {@code signal} is null
   */
  B cancellation(Cancellation signal);
}
