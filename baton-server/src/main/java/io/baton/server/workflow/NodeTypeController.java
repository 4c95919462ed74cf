package io.baton.server.workflow;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/node-types}: the step types with their schemas, for the editor. */
@RestController
public class NodeTypeController {
  private final NodeTypeCatalog catalog;

  NodeTypeController(NodeTypeCatalog catalog) {
    this.catalog = catalog;
  }

  /** Every step type. */
  @GetMapping("/api/v1/node-types")
  public List<NodeType> list() {
    return catalog.all();
  }
}
