package io.baton.bench;

/** One workload of {@code BENCHMARKS.md}: runs its repetitions and reports its figures. */
interface Workload {

  /** Its id in {@code BENCHMARKS.md} ({@code W1}). */
  String id();

  /** Its short name ({@code seq-chain}). */
  String title();

  /**
   * Warms up, measures and prints one {@code RESULT} line per variant.
   *
   * @throws WrongResultException when a run does not produce the result the workload's semantics
   *     require
   */
  void run(Reporter reporter) throws Exception;
}
