package io.baton.ai.model;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.baton.ai.journal.CallJournal;
import io.baton.ai.journal.RecordedCalls;
import io.baton.ai.usage.PriceTable;
import io.baton.ai.usage.Usage;
import io.baton.ai.usage.UsageLedger;
import io.baton.api.run.ErrorKind;
import io.baton.api.run.StepException;
import io.baton.api.spi.StepContext;
import io.baton.api.time.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every model call goes through here: the fallback chain (seed 002 degradation level 1), a circuit
 * breaker per provider, retries that honour {@code Retry-After}, the budget check, and token and
 * cost accounting. Waits use the engine's clock.
 *
 * <pre>{@code
 * ModelResult r = gateway.call(ModelRequest.of("writer", messages), chain, stepContext);
 * }</pre>
 */
public final class ModelGateway {
  private static final Logger LOG = LoggerFactory.getLogger(ModelGateway.class);

  private final Providers providers;
  private final ProviderModels factory;
  private final Accounting accounting;
  private final RetrySettings retry;
  private final TimeSource clock;
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final Map<String, Object> models = new ConcurrentHashMap<>();
  private final Map<String, OfflineModel> offline = new ConcurrentHashMap<>();

  /**
   * @param providers the configured providers
   * @param factory builds LangChain4j models
   * @param accounting prices, the ledger and the circuit breakers' settings
   * @param retry how calls are retried
   * @param clock the engine's clock
   */
  public ModelGateway(
      Providers providers,
      ProviderModels factory,
      Accounting accounting,
      RetrySettings retry,
      TimeSource clock) {
    this.providers = providers;
    this.factory = factory;
    this.accounting = accounting;
    this.retry = retry;
    this.clock = clock;
  }

  /**
   * Calls the first model of {@code chain} that answers, and journals its answer within the step's
   * attempt; a re-execution of the attempt after a crash gets the journaled answer back instead of
   * calling again (its usage is counted once).
   *
   * @throws StepException classified by the last failure, listing every model's failure
   */
  public ModelResult call(ModelRequest request, List<ModelRef> chain, StepContext context) {
    CallJournal journal = CallJournal.of(context);
    String key = journal.nextKey("model", request.agent());
    Object recorded = journal.recorded(key);
    if (recorded != null) {
      ModelResult replayed = RecordedCalls.modelResult(key, recorded);
      String callId = journal.idempotencyKey(key);
      accounting
          .ledger()
          .recordReplayed(
              callId, context.runId(), context.path(), request.agent(), replayed.usage());
      context.emit("ai.call", callEvent(request, replayed, true, context.clock().now()));
      return replayed;
    }
    ModelResult result = callLive(request, chain, context, journal.idempotencyKey(key));
    journal.record(key, RecordedCalls.modelCall(request.agent(), result));
    return result;
  }

  private ModelResult callLive(
      ModelRequest request, List<ModelRef> chain, StepContext context, String callId) {
    List<String> failures = new ArrayList<>();
    CallFailure last = null;
    for (ModelRef ref : chain) {
      ProviderConfig provider = providers.provider(ref);
      CircuitBreaker breaker = breaker(provider.name());
      for (int attempt = 0; attempt <= provider.maxRetries(); attempt++) {
        accounting.ledger().checkBudget(context.runId(), request.agent());
        if (!breaker.tryAcquire()) {
          failures.add(ref + ": circuit open (too many recent failures), skipped");
          last = new CallFailure(ErrorKind.UNAVAILABLE, "circuit open", null);
          break;
        }
        try {
          return answered(request, ref, provider, breaker, context, new Call(callId, failures));
        } catch (RuntimeException e) {
          last = CallFailure.of(e);
          if (last.kind() == ErrorKind.CANCELLED) {
            throw e;
          }
          if (last.providerTrouble()) {
            breaker.onFailure();
          }
          failures.add(
              ref
                  + " attempt "
                  + (attempt + 1)
                  + ": "
                  + last.kind().wireName()
                  + ": "
                  + last.message());
          Duration wait = retry.waitBefore(attempt + 1, last.retryAfter());
          if (!last.retryable() || attempt == provider.maxRetries() || wait == null) {
            break;
          }
          context.log(
              "model " + ref + " failed (" + last.kind().wireName() + "), retrying in " + wait);
          Pause.of(wait, context.clock(), context);
        }
      }
    }
    ErrorKind kind = last == null ? ErrorKind.UNKNOWN : last.kind();
    throw new StepException(
        kind,
        "no model of the chain "
            + chain
            + " answered"
            + (request.agent() == null ? "" : " for agent '" + request.agent() + "'")
            + ": "
            + String.join("; ", failures));
  }

  /** A call in progress: its id (for the ledger) and what failed before the model now tried. */
  private record Call(String id, List<String> failures) {}

  private ModelResult answered(
      ModelRequest request,
      ModelRef ref,
      ProviderConfig provider,
      CircuitBreaker breaker,
      StepContext context,
      Call call) {
    java.time.Instant started = context.clock().now();
    String modelName = providers.modelName(ref);
    boolean isOffline = provider.kind() == ProviderKind.OFFLINE;
    ChatResponse response =
        isOffline
            ? offlineModel(provider).answer(request)
            : realCall(request, provider, modelName, context);
    breaker.onSuccess();
    if (isOffline) {
      LOG.debug(
          "run {} step {}: answered by the offline model (deterministic, not an LLM)",
          context.runId(),
          context.path());
      if (request.stream() && response.aiMessage().text() != null) {
        context.emit("ai.delta", Map.of("text", response.aiMessage().text()));
      }
    }
    var tokens = response.tokenUsage();
    long in = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
    long out = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
    Usage usage =
        new Usage(1, in, out, accounting.prices().cost(provider.name(), modelName, in, out));
    accounting
        .ledger()
        .recordCall(call.id(), context.runId(), context.path(), request.agent(), usage);
    ModelResult result =
        new ModelResult(
            response.aiMessage(), provider.name(), modelName, usage, isOffline, call.failures());
    context.emit("ai.call", callEvent(request, result, false, started));
    return result;
  }

  /** What listeners learn of a model call; {@code startedAt} lets a tracer time it. */
  private static Map<String, Object> callEvent(
      ModelRequest request, ModelResult result, boolean replayed, java.time.Instant startedAt) {
    return Map.of(
        "startedAt",
        startedAt.toString(),
        "model",
        result.provider() + "/" + result.model(),
        "agent",
        request.agent() == null ? "" : request.agent(),
        "offline",
        result.offline(),
        "usage",
        result.usage().toMap(),
        "replayed",
        replayed);
  }

  private ChatResponse realCall(
      ModelRequest request, ProviderConfig provider, String modelName, StepContext context) {
    ChatRequest.Builder chat = ChatRequest.builder().messages(request.messages());
    if (!request.tools().isEmpty()) {
      chat.toolSpecifications(request.tools());
    }
    if (request.temperature() != null) {
      chat.temperature(request.temperature());
    }
    if (request.maxTokens() != null) {
      chat.maxOutputTokens(request.maxTokens());
    }
    if (request.stream()) {
      StreamingChatModel streaming =
          model(
                      "stream:" + provider.name() + "/" + modelName,
                      () -> {
                        StreamingChatModel m = factory.streamingModel(provider, modelName);
                        return m == null ? Boolean.FALSE : m;
                      })
                  instanceof StreamingChatModel s
              ? s
              : null;
      if (streaming != null) {
        return Streams.collect(streaming, chat.build(), provider.timeout(), context);
      }
    }
    ChatModel model =
        (ChatModel)
            model(provider.name() + "/" + modelName, () -> factory.chatModel(provider, modelName));
    ChatResponse response = model.chat(chat.build());
    if (request.stream() && response.aiMessage().text() != null) {
      context.emit("ai.delta", Map.of("text", response.aiMessage().text()));
    }
    return response;
  }

  /**
   * The model built under {@code key}. Read before {@code computeIfAbsent}, which locks the key's
   * bin even when the model is there: every call of 1,000 concurrent ones took that lock (W7).
   */
  private Object model(String key, java.util.function.Supplier<Object> build) {
    Object model = models.get(key);
    return model != null ? model : models.computeIfAbsent(key, k -> build.get());
  }

  private OfflineModel offlineModel(ProviderConfig provider) {
    return offline.computeIfAbsent(
        provider.name(),
        k ->
            new OfflineModel(
                provider.script() == null ? null : OfflineScript.load(provider.script())));
  }

  /** The circuit breaker of a provider. */
  public CircuitBreaker breaker(String provider) {
    CircuitBreaker breaker = breakers.get(provider);
    return breaker != null
        ? breaker
        : breakers.computeIfAbsent(
            provider, k -> new CircuitBreaker(accounting.breakerSettings(), clock));
  }

  /** The configured providers. */
  public Providers providers() {
    return providers;
  }

  /** Token and cost accounting. */
  public UsageLedger ledger() {
    return accounting.ledger();
  }

  /**
   * What calls cost and how providers are guarded.
   *
   * @param prices the price table
   * @param ledger where usage is summed and budgets checked
   * @param breakerSettings each provider's circuit breaker
   */
  public record Accounting(
      PriceTable prices, UsageLedger ledger, CircuitBreaker.Settings breakerSettings) {}
}
