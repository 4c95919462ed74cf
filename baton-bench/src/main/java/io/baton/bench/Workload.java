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

  /** One workload made of {@code first} and {@code then} (W4 in memory, then on durable stores). */
  static Workload sequence(Workload first, Workload then) {
    return new Workload() {
      @Override
      public String id() {
        return first.id();
      }

      @Override
      public String title() {
        return first.title();
      }

      @Override
      public void run(Reporter reporter) throws Exception {
        first.run(reporter);
        then.run(reporter);
      }
    };
  }
}
