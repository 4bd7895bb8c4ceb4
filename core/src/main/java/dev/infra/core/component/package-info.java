/**
 * Expansion of components into concrete resources. Contract: {@link dev.infra.core.component.Expander#expand}
 * is a pure function of the {@link dev.infra.core.model.AppConfig} (and the bytes of image build contexts): the
 * same config always yields the same resources, addresses, inputs and graph; it calls no AWS API. Physical names
 * are {@code app-stage-component[-suffix]}, shortened with a stable hash where AWS limits length.
 */
package dev.infra.core.component;
