/** Planning and applying for the commands that change a stage (deploy, remove): the plan as printed, the confirmation,
 * the run under the stage's lock with progress on stderr and JSON events on stdout, and the closing summary. */
package dev.infra.cli.apply;
