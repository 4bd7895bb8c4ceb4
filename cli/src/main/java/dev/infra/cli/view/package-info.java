/** How command results are shown: one-line JSON objects, and the status report as text or JSON. */
package dev.infra.cli.view;
