/**
 * The provider SPI. A {@link dev.infra.core.provider.ResourceProvider} serves one resource type; plugins register
 * them through ServiceLoader; {@link dev.infra.core.provider.ProviderRegistry} finds them by type. Providers get
 * concrete values only (references resolved) and must make every call safe to repeat after a crash.
 */
package dev.infra.core.provider;
