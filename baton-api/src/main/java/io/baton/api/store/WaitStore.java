package io.baton.api.store;

import java.util.List;
import java.util.Optional;

/** The index of suspended steps: by wait id (human answers) and by event name and key (signals). */
public interface WaitStore {

  /** Adds a wait; harmless if it exists. */
  void register(WaitRecord wait);

  /** Removes a wait; harmless if it is gone. */
  void remove(String waitId);

  /** The wait with this id, if it is still open. */
  Optional<WaitRecord> find(String waitId);

  /** Open event waits for {@code eventName} whose key is {@code correlationKey} or unset. */
  List<WaitRecord> findByEvent(String eventName, String correlationKey);

  /** Open waits of kind human, for listings, oldest first. */
  List<WaitRecord> humanWaits(int limit);
}
