/** The JSON Schema of infra.yaml, generated from the parser's field table ({@code infra schema}). */
package dev.infra.core.jsonschema;
