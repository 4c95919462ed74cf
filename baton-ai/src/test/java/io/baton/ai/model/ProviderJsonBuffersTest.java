package io.baton.ai.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.test.FakeClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderJsonBuffersTest {

  @Test
  void everyProviderModulesJsonMapperSharesOneBufferPoolOnceProviderModelsExist() throws Exception {
    SecretSource none = name -> Optional.empty();
    new ProviderModels(none, none, new FakeClock()).close();

    for (String holder : ProviderJsonBuffers.HOLDERS) {
      List<ObjectMapper> mappers = ProviderJsonBuffers.mappers(Class.forName(holder));
      assertThat(mappers).as(holder).isNotEmpty();
      for (ObjectMapper mapper : mappers) {
        // the default is a per-thread pool: each step's new virtual thread got new buffers
        assertThat(mapper.getFactory()._getRecyclerPool())
            .as(holder)
            .isSameAs(ProviderJsonBuffers.pool());
      }
    }
  }
}
