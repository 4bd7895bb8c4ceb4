/**
 * The app definition as typed, immutable records: {@link dev.infra.core.model.AppConfig} is infra.yaml resolved
 * for one stage (overrides merged, defaults applied). Records here are pure data: no parsing, no validation.
 */
package dev.infra.core.model;
