package io.baton.sandbox;

import io.baton.ai.internal.JsonCodec;
import io.baton.ai.step.ScriptRunner;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Runs JavaScript in GraalJS under {@link SandboxPolicy#CONSTRAINED}: no host classes, no {@code
 * java.*}, no files, no network, no processes, threads or environment; each script gets a fresh
 * context on the process's one GraalJS engine, which every runner shares — the {@code code} steps
 * and tools' runner and the {@code javascript} conditions' alike (GraalJS is slow to start on a
 * stock JDK and each engine keeps its own compiled code, so one is made, on first use, and kept).
 * Limits: a statement budget (stops tight loops without a clock), and a {@link Watchdog} on the
 * script's CPU time and allocated bytes. The console ({@code console.log}) is captured.
 *
 * <pre>{@code
 * ScriptRunner js = new GraalScriptRunner(SandboxLimits.DEFAULTS);
 * Object sum = js.run("input.a + input.b", Map.of("a", 1, "b", 2), Duration.ofSeconds(1)); // 3
 * }</pre>
 */
public final class GraalScriptRunner implements ScriptRunner, AutoCloseable {
  private static final String WRAP = "(v) => JSON.stringify(v === undefined ? null : v)";
  private static final String BIND_INPUT =
      "globalThis.input = JSON.parse(__input); delete globalThis.__input;";
  private static final String BIND_GLOBALS =
      "(() => { const d = JSON.parse(__input); delete globalThis.__input;"
          + " for (const k of Object.keys(d.values)) globalThis[k] = d.values[k];"
          + " for (const k of d.undefined) globalThis[k] = undefined; })();";

  private final SandboxLimits limits;
  private final ExecutorService threads;

  /** The runner the service loader finds: default limits. */
  public GraalScriptRunner() {
    this(SandboxLimits.DEFAULTS);
  }

  /** A runner with {@code limits}. */
  public GraalScriptRunner(SandboxLimits limits) {
    this.limits = limits;
    // platform threads: their CPU time and allocations can be measured
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "baton-sandbox");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public Result execute(String source, Map<String, Object> input, Duration timeLimit) {
    return execute(source, BIND_INPUT, input == null ? Map.of() : input, timeLimit);
  }

  /**
   * Evaluates {@code expression} with each entry of {@code globals} as a global variable, and each
   * of {@code undefinedNames} declared as {@code undefined} (names a caller knows but has no value
   * for): what the sandboxed {@code javascript} expression dialect runs, under the same limits.
   *
   * @throws ScriptFailure when the expression does not compile, throws, or exceeds a limit
   */
  public Object evaluate(
      String expression,
      Map<String, Object> globals,
      List<String> undefinedNames,
      Duration timeLimit) {
    Map<String, Object> data = Map.of("values", globals, "undefined", undefinedNames);
    return execute(expression, BIND_GLOBALS, data, timeLimit).value();
  }

  /**
   * Parses {@code source} without running it.
   *
   * @throws ScriptFailure for a syntax error, with its line and column
   */
  public void checkSyntax(String source) {
    try (Context context = context(OutputStream.nullOutputStream())) {
      context.parse(Source.create("js", source));
    } catch (PolyglotException e) {
      throw failure(e);
    }
  }

  private Result execute(String source, String bind, Map<String, Object> data, Duration limit) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Duration cpu = limit == null ? limits.cpuTime() : limit;
    Context context = context(console);
    try {
      AtomicReference<Thread> script = new AtomicReference<>();
      Future<String> result =
          threads.submit(
              () -> {
                script.set(Thread.currentThread());
                return evaluate(context, source, bind, data);
              });
      Watchdog.Verdict verdict =
          Watchdog.watch(result, context, script, cpu, limits.allocatedBytes());
      String json = value(result, verdict, cpu);
      return new Result(JsonCodec.read(json), console.toString(StandardCharsets.UTF_8));
    } finally {
      try {
        context.close(true);
      } catch (PolyglotException e) {
        // a context cancelled by the watchdog reports its cancellation again as it closes
      }
    }
  }

  /** The GraalJS engine this runner's contexts run on: the process's one. */
  Engine engine() {
    return SharedEngine.ENGINE;
  }

  private Context context(OutputStream console) {
    return context(SharedEngine.ENGINE, console, limits);
  }

  private static Context context(Engine engine, OutputStream console, SandboxLimits limits) {
    return Context.newBuilder("js")
        .engine(engine)
        .sandbox(SandboxPolicy.CONSTRAINED)
        .out(console)
        .err(console)
        .in(InputStream.nullInputStream())
        .allowHostAccess(HostAccess.CONSTRAINED)
        .allowHostClassLookup(name -> false)
        .allowIO(IOAccess.NONE)
        .allowCreateThread(false)
        .allowCreateProcess(false)
        .allowNativeAccess(false)
        .allowEnvironmentAccess(EnvironmentAccess.NONE)
        .allowPolyglotAccess(PolyglotAccess.NONE)
        .resourceLimits(
            ResourceLimits.newBuilder().statementLimit(limits.statements(), null).build())
        .build();
  }

  private static String evaluate(
      Context context, String source, String bind, Map<String, Object> data) {
    context.getBindings("js").putMember("__input", JsonCodec.write(data));
    context.eval("js", bind);
    Value value = context.eval(Source.create("js", source));
    return context.eval("js", WRAP).execute(value).asString();
  }

  private String value(Future<String> result, Watchdog.Verdict verdict, Duration cpu) {
    if (verdict != Watchdog.Verdict.WITHIN_LIMITS) {
      throw new ScriptFailure(verdict.message(cpu, limits.allocatedBytes()), true);
    }
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScriptFailure("interrupted while the script ran", false);
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    }
  }

  private ScriptFailure failure(Throwable cause) {
    if (cause instanceof PolyglotException p) {
      if (p.isResourceExhausted() || p.isCancelled()) {
        return new ScriptFailure(
            "the script was stopped: it ran more than "
                + limits.statements()
                + " statements (an endless loop?)",
            true);
      }
      String where = line(p);
      return new ScriptFailure(
          (p.isSyntaxError() ? "syntax error: " : "the script threw: ") + p.getMessage() + where,
          false);
    }
    return new ScriptFailure("the script failed: " + cause, false);
  }

  /**
   * Where in the script the failure happened: its location, or its innermost script frame's (line
   * and column, from 1).
   */
  private static String line(PolyglotException p) {
    var location = p.getSourceLocation();
    if (location == null) {
      for (PolyglotException.StackFrame frame : p.getPolyglotStackTrace()) {
        if (frame.isGuestFrame() && frame.getSourceLocation() != null) {
          location = frame.getSourceLocation();
          break;
        }
      }
    }
    return location == null
        ? ""
        : " (line " + location.getStartLine() + ", column " + location.getStartColumn() + ")";
  }

  /** Stops the script threads; the shared engine stays for the process's other runners. */
  @Override
  public void close() {
    threads.shutdownNow();
  }

  /** The process's GraalJS engine, made when the first runner is used. */
  private static final class SharedEngine {
    private static final Engine ENGINE = start();

    private static Engine start() {
      Engine engine =
          Engine.newBuilder("js")
              .sandbox(SandboxPolicy.CONSTRAINED)
              .out(OutputStream.nullOutputStream())
              .err(OutputStream.nullOutputStream())
              .option("engine.WarnInterpreterOnly", "false")
              .build();
      // The first context of an engine costs about a second of CPU (GraalJS initialises its
      // built-ins in the interpreter); paying it here keeps it out of the first script's budget.
      try (Context context =
          context(engine, OutputStream.nullOutputStream(), SandboxLimits.DEFAULTS)) {
        context.eval("js", "JSON.stringify(JSON.parse('{\"a\":[1]}'))");
      }
      return engine;
    }
  }
}
