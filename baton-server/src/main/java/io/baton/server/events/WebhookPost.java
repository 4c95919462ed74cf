package io.baton.server.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts a JSON body to a webhook and says how it went, for the {@link EventOutbox}'s deliveries
 * (event routes, alert webhooks): a 2xx answer takes it; a network failure, a timeout ({@code
 * baton.events.routes.timeout}, 10 s), 408, 429 or 5xx may pass and throws an {@link
 * IllegalStateException}, which the outbox retries; any other answer is the receiver refusing
 * ({@link Refused}), which no retry mends, so the outbox sends it to the dead letters at once.
 */
@Component
public class WebhookPost {
  private final HttpClient http;
  private final Duration timeout;

  WebhookPost(@Value("${baton.events.routes.timeout:10s}") Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** The receiver answered that it will not take what was posted. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * Posts {@code json} to {@code url} with {@code headers}.
   *
   * @param receiver how errors name the receiver ({@code route big-orders: http://…})
   * @throws Refused when the receiver refuses it (4xx but 408 and 429)
   * @throws IllegalStateException when it may take it later (no answer, 408, 429, 5xx)
   */
  public void post(URI url, String json, Map<String, String> headers, String receiver) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(receiver + " did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(receiver + ": interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String answer = receiver + " answered " + status + " " + clip(response);
    if (status == 408 || status == 429 || status >= 500) {
      throw new IllegalStateException(answer);
    }
    throw new Refused(answer);
  }

  private static String clip(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body();
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }
}
