/**
 * infra.yaml → {@link dev.infra.core.model.AppConfig} for one stage. Passes, each collecting every diagnostic before
 * the next: {@link dev.infra.core.parse.YamlTree} (limits: 1 MiB, 50 aliases, 64 levels, 200k nodes; duplicate keys)
 * → {@link dev.infra.core.parse.ShapeChecker} against the field table {@link dev.infra.core.parse.Fields} (unknown keys
 * with "did you mean", kinds, required keys) → {@link dev.infra.core.parse.StageResolver} (exact stage, else first
 * matching glob; overrides deep-merged) → {@link dev.infra.core.parse.Interpolator} ({@code ${app}}, {@code ${stage}},
 * {@code ${region}}, {@code ${env.NAME}}) → {@link dev.infra.core.parse.Defaults} (from the field table; the only place
 * defaults are applied) → {@link dev.infra.core.parse.Binder} → {@link dev.infra.core.parse.Validator} (names, AWS
 * rules, references, cycles). Names: app {@code [a-z][a-z0-9-]{1,30}}, resources {@code [a-z][a-z0-9-]{0,29}},
 * stages {@code [a-z0-9][a-z0-9-]{0,29}} (keys may hold {@code *}).
 */
package dev.infra.core.parse;
