package io.baton.server.audit;

import io.baton.server.api.Page;
import io.baton.server.security.Caller;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the namespace's audit log (admins only). */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {
  private final AuditLog log;

  AuditController(AuditLog log) {
    this.log = log;
  }

  /** Entries newest first, filtered by actor, action, resource and time. */
  @GetMapping
  public Page<AuditEntry> query(
      Caller caller,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(name = "resource_type", required = false) String resourceType,
      @RequestParam(name = "resource_id", required = false) String resourceId,
      @RequestParam(required = false) Instant since,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(name = "page_size", defaultValue = "50") int pageSize) {
    return log.query(
        caller.namespace(),
        new AuditLog.Query(actor, action, resourceType, resourceId, since),
        Page.Request.of(page, pageSize));
  }
}
