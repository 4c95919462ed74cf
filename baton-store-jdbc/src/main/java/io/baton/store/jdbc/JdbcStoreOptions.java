package io.baton.store.jdbc;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a {@link JdbcStoreBackend} connects and writes. Every option has a default; {@link
 * #fromMap(Map)} reads them from the string options a {@code StoreProvider} receives.
 *
 * <pre>{@code
 * JdbcStoreOptions options = JdbcStoreOptions.fromMap(Map.of("poolSize", "16", "maxValueBytes", "65536"));
 * }</pre>
 *
 * @param user the database user, or null for the location's (PostgreSQL: {@code postgres}; H2:
 *     {@code sa})
 * @param password the password, or null for none
 * @param poolSize the most connections the pool opens
 * @param maxValueBytes the biggest encoded journal event kept in the journal row itself; bigger
 *     ones go to the values table
 * @param maxBatch the most writes one group commit carries
 * @param connectAttempts how many times opening the database is tried before giving up
 * @param connectDelay the pause after the first failed attempt; it doubles after each next one
 * @param sleeper how the pause is taken (tests pass one that does not really sleep)
 */
public record JdbcStoreOptions(
    String user,
    String password,
    int poolSize,
    int maxValueBytes,
    int maxBatch,
    int connectAttempts,
    Duration connectDelay,
    Sleeper sleeper) {

  /** The defaults: pool of 10, values up to 256 KiB inline, 5 attempts 500 ms apart (doubling). */
  public static final JdbcStoreOptions DEFAULTS =
      new JdbcStoreOptions(
          null, null, 10, 256 * 1024, 512, 5, Duration.ofMillis(500), Sleeper.SYSTEM);

  /** The option names {@link #fromMap(Map)} reads. */
  public static final Set<String> NAMES =
      Set.of(
          "user",
          "password",
          "poolSize",
          "maxValueBytes",
          "maxBatch",
          "connectAttempts",
          "connectDelayMs");

  public JdbcStoreOptions {
    Objects.requireNonNull(connectDelay, "connectDelay");
    Objects.requireNonNull(sleeper, "sleeper");
    positive("poolSize", poolSize);
    positive("maxValueBytes", maxValueBytes);
    positive("maxBatch", maxBatch);
    positive("connectAttempts", connectAttempts);
    if (connectDelay.isNegative()) {
      throw new IllegalArgumentException("connectDelay must not be negative, was " + connectDelay);
    }
  }

  /** Pauses between connection attempts; replaceable so that tests do not wait. */
  @FunctionalInterface
  public interface Sleeper {
    /** The real thing: {@link Thread#sleep(Duration)}. */
    Sleeper SYSTEM = Thread::sleep;

    /** Waits {@code delay}. */
    void sleep(Duration delay) throws InterruptedException;
  }

  /**
   * Options from strings, with the defaults for what is missing.
   *
   * @throws IllegalArgumentException naming the option when one is unknown or not a positive number
   */
  public static JdbcStoreOptions fromMap(Map<String, String> options) {
    Set<String> unknown = new TreeSet<>(options.keySet());
    unknown.removeAll(NAMES);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown store option(s) " + unknown + "; known options: " + new TreeSet<>(NAMES));
    }
    JdbcStoreOptions d = DEFAULTS;
    return new JdbcStoreOptions(
        options.getOrDefault("user", d.user),
        options.getOrDefault("password", d.password),
        number(options, "poolSize", d.poolSize),
        number(options, "maxValueBytes", d.maxValueBytes),
        number(options, "maxBatch", d.maxBatch),
        number(options, "connectAttempts", d.connectAttempts),
        Duration.ofMillis(number(options, "connectDelayMs", (int) d.connectDelay.toMillis())),
        d.sleeper);
  }

  /** A copy with another user and password. */
  public JdbcStoreOptions withCredentials(String newUser, String newPassword) {
    return new JdbcStoreOptions(
        newUser,
        newPassword,
        poolSize,
        maxValueBytes,
        maxBatch,
        connectAttempts,
        connectDelay,
        sleeper);
  }

  /** A copy with another per-value size limit. */
  public JdbcStoreOptions withMaxValueBytes(int bytes) {
    return new JdbcStoreOptions(
        user, password, poolSize, bytes, maxBatch, connectAttempts, connectDelay, sleeper);
  }

  /** A copy with another pool size. */
  public JdbcStoreOptions withPoolSize(int size) {
    return new JdbcStoreOptions(
        user, password, size, maxValueBytes, maxBatch, connectAttempts, connectDelay, sleeper);
  }

  /** A copy that tries to connect {@code attempts} times, {@code delay} apart (doubling). */
  public JdbcStoreOptions withRetry(int attempts, Duration delay, Sleeper how) {
    return new JdbcStoreOptions(
        user, password, poolSize, maxValueBytes, maxBatch, attempts, delay, how);
  }

  private static int number(Map<String, String> options, String name, int fallback) {
    String text = options.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "store option " + name + " must be a whole number, was '" + text + "'", e);
    }
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "store option " + name + " must be greater than 0, was " + value);
    }
  }
}
