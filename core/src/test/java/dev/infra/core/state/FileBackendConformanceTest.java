package dev.infra.core.state;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FileBackendConformanceTest extends StateBackendConformance {
    @TempDir
    Path dir;

    @Override
    protected ConditionalStore newStore() {
        return new FileStore(dir);
    }

    @org.junit.jupiter.api.Test
    void writesLeaveNoTempFilesBehind() throws Exception {
        StatePersister p = backend.persister("carbon", "dev");
        String v = p.write(State.empty("carbon", "dev"), null);
        p.write(State.empty("carbon", "dev").withSerial(2), v);
        try (var files = Files.list(dir.resolve("carbon/dev"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("state.json", ".guard");
        }
    }
}
