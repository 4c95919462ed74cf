package io.baton.server.execution;

import io.baton.server.security.Caller;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/inputs}: the questions of human steps, and their answers. */
@RestController
public class InputController {
  private final InputService inputs;

  InputController(InputService inputs) {
    this.inputs = inputs;
  }

  /** Open questions, oldest first. */
  @GetMapping("/api/v1/inputs")
  public List<Map<String, Object>> list(Caller caller) {
    return inputs.list(caller);
  }

  /** One question with its form (a JSON Schema). */
  @GetMapping("/api/v1/inputs/{waitId}")
  public Map<String, Object> get(Caller caller, @PathVariable String waitId) {
    return inputs.get(caller, waitId);
  }

  /** Answers {@code {value}}; a second answer to the same wait is refused with 409. */
  @PostMapping("/api/v1/inputs/{waitId}")
  public Map<String, Object> submit(
      Caller caller, @PathVariable String waitId, @RequestBody Map<String, Object> body) {
    return inputs.submit(caller, waitId, body.get("value"));
  }
}
