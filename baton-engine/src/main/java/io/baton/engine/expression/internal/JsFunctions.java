package io.baton.engine.expression.internal;

import static dev.cel.common.types.SimpleType.BOOL;
import static dev.cel.common.types.SimpleType.DYN;
import static dev.cel.common.types.SimpleType.INT;
import static dev.cel.common.types.SimpleType.STRING;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * The CEL declarations and implementations of the {@code _js_*} functions the JavaScript
 * translation calls.
 */
final class JsFunctions {
  static final List<CelFunctionDecl> DECLARATIONS =
      List.of(
          function("_js_get", "_js_get_dyn_dyn_int", DYN, DYN, DYN, INT),
          function("_js_truthy", "_js_truthy_dyn", BOOL, DYN),
          function("_js_unary", "_js_unary_string_dyn_int", DYN, STRING, DYN, INT),
          function("_js_arith", "_js_arith_string_dyn_dyn_int", DYN, STRING, DYN, DYN, INT),
          function("_js_compare", "_js_compare_string_dyn_dyn_int", BOOL, STRING, DYN, DYN, INT));

  static final List<CelFunctionBinding> BINDINGS =
      List.of(
          CelFunctionBinding.from(
              "_js_get_dyn_dyn_int",
              List.of(Object.class, Object.class, Long.class),
              args -> JsOperators.get(args[0], args[1], (Long) args[2])),
          CelFunctionBinding.from("_js_truthy_dyn", Object.class, JsOperators::truthy),
          CelFunctionBinding.from(
              "_js_unary_string_dyn_int",
              List.of(String.class, Object.class, Long.class),
              args -> JsOperators.unary((String) args[0], args[1], (Long) args[2])),
          CelFunctionBinding.from(
              "_js_arith_string_dyn_dyn_int",
              List.of(String.class, Object.class, Object.class, Long.class),
              args -> JsOperators.arithmetic((String) args[0], args[1], args[2], (Long) args[3])),
          CelFunctionBinding.from(
              "_js_compare_string_dyn_dyn_int",
              List.of(String.class, Object.class, Object.class, Long.class),
              args -> JsOperators.compare((String) args[0], args[1], args[2], (Long) args[3])));

  private JsFunctions() {}

  private static CelFunctionDecl function(
      String name,
      String overload,
      dev.cel.common.types.CelType result,
      dev.cel.common.types.CelType... params) {
    return CelFunctionDecl.newFunctionDeclaration(
        name, CelOverloadDecl.newGlobalOverload(overload, result, params));
  }
}
