/** What infra init writes besides infra.yaml: the placeholder Dockerfile for templates that build from source. */
package dev.infra.cli.init;
