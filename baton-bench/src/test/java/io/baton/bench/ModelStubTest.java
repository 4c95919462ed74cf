package io.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** W7's model server answers as an HTTP/1.1 OpenAI-compatible server does, to any HTTP client. */
class ModelStubTest {
  private static final String CHAT = "{\"model\":\"stub\",\"messages\":[]}";

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
    return http.send(request, BodyHandlers.ofString());
  }

  private static HttpRequest.Builder to(ModelStub stub, String path) {
    return HttpRequest.newBuilder(URI.create(stub.baseUrl("fast") + path));
  }

  @Test
  void answersChatCompletionsWhateverTheRequestBodyEncoding() throws Exception {
    try (ModelStub stub = ModelStub.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      HttpResponse<String> sized =
          send(http, to(stub, "/chat/completions").POST(BodyPublishers.ofString(CHAT)).build());
      // a body of unknown length goes chunked
      HttpResponse<String> chunked =
          send(
              http,
              to(stub, "/chat/completions")
                  .POST(
                      BodyPublishers.ofInputStream(
                          () -> new ByteArrayInputStream(CHAT.getBytes(StandardCharsets.UTF_8))))
                  .build());

      for (HttpResponse<String> r : java.util.List.of(sized, chunked)) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(r.body()).isEqualTo(ModelStub.ANSWER);
      }
      assertThat(stub.calls()).isEqualTo(2);
    }
  }

  @Test
  void refusesOtherPathsAndMethodsAsAServerDoes() throws Exception {
    try (ModelStub stub = ModelStub.start();
        HttpClient http = HttpClient.newHttpClient()) {
      assertThat(send(http, to(stub, "/models").POST(BodyPublishers.ofString(CHAT)).build()))
          .extracting(HttpResponse::statusCode)
          .isEqualTo(404);
      assertThat(send(http, to(stub, "/chat/completions").GET().build()))
          .extracting(HttpResponse::statusCode)
          .isEqualTo(405);
      assertThat(stub.calls()).isZero();
    }
  }
}
