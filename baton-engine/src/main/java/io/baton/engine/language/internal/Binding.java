package io.baton.engine.language.internal;

import io.baton.engine.language.LanguageContext;

/**
 * What every binder of one file shares.
 *
 * @param context the registered step types, expression engine and limits
 * @param findings where problems go, addressed by source pointer
 * @param pointers the canonical-to-source pointer translation, filled in as steps are bound
 */
public record Binding(LanguageContext context, Findings findings, PointerMap pointers) {}
