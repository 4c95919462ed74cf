package io.baton.modules;

import java.util.List;
import java.util.Map;

/**
 * A module's status on the hub (the seeds' {@code getModuleStatus}).
 *
 * @param name the module
 * @param version its version
 * @param description what it is for
 * @param state where it is in its lifecycle
 * @param operations its operations (kebab case), in declaration order
 * @param dependencies the modules it calls
 * @param config its current configuration
 * @param calls operations called since it was registered
 * @param failures calls that failed
 * @param lastError the last failure's message, or null
 */
public record ModuleStatus(
    String name,
    String version,
    String description,
    ModuleState state,
    List<String> operations,
    List<String> dependencies,
    Map<String, Object> config,
    long calls,
    long failures,
    String lastError) {}
