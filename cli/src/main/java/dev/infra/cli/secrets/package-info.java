/** Secret names as the secrets commands take them: checked for shape, warned about when infra.yaml does not declare them. */
package dev.infra.cli.secrets;
