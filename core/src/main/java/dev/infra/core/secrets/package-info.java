/** The secrets SPI: values pass through {@link dev.infra.core.secrets.SecretsStore} and are never printed or recorded. */
package dev.infra.core.secrets;
