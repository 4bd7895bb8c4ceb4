/** A stage as the state store records it: listing stages, their outputs and ages, removing old ones, the sweep of
 * tagged leftovers after a remove, and the IAM policy a CI role needs for one stage. */
package dev.infra.cli.stage;
