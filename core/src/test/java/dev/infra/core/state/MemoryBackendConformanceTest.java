package dev.infra.core.state;

class MemoryBackendConformanceTest extends StateBackendConformance {
    @Override
    protected ConditionalStore newStore() {
        return new MemoryStore("conformance");
    }
}
