/**
 * Values inside resource inputs: plain JSON-like data (String, Number, Boolean, List, Map) where a
 * {@link dev.infra.core.ref.Ref} or {@link dev.infra.core.ref.Concat} may stand for a value only known once
 * another resource exists. Resolution against recorded outputs happens in the planner and executor.
 */
package dev.infra.core.ref;
