package dev.infra.cli;

import dev.infra.fixtures.aws.FakeAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A test on the spec's full example: each test gets the example in a directory of its own ({@link #dir}), run through
 * the CLI against a FakeAws of its own ({@link #fake}), forgotten after the test.
 */
abstract class OnFullExample {
    @TempDir
    Path dir;
    FullExample example;
    FakeAws fake;

    @BeforeEach
    void makeTheExample() throws Exception {
        example = new FullExample(dir);
        fake = example.fake;
    }

    @AfterEach
    void forgetTheExample() {
        example.close();
    }
}
