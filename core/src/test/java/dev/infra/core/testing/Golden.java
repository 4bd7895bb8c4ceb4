package dev.infra.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files under {@code src/test/resources/golden/}. Run with {@code -Dgolden.update=true} to rewrite them from
 * the current output; review the diff before committing.
 */
public final class Golden {
    private Golden() { }

    public static void assertMatches(String name, String actual) {
        Path file = Path.of("src", "test", "resources", "golden", name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
                return;
            }
            assertThat(Files.exists(file)).as("golden file %s exists (create it with -Dgolden.update=true)", file).isTrue();
            assertThat(actual).as("output matches %s (regenerate with -Dgolden.update=true)", file).isEqualTo(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
