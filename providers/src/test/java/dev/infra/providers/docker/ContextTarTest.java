package dev.infra.providers.docker;

import dev.infra.core.parse.BuildContext;
import dev.infra.core.component.ContentDigest;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tar the engine receives holds exactly the build context's entries, and its digest is the content digest. */
class ContextTarTest {
    @TempDir
    Path dir;

    @Test
    void theTarHoldsTheContextsEntriesAndDigestsAsThePlanDid() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nCOPY . /app/\n");
        Files.writeString(dir.resolve(".dockerignore"), "*.log\n");
        Files.createDirectories(dir.resolve("src/empty"));
        Files.writeString(dir.resolve("src/main.js"), "main");
        Files.writeString(dir.resolve("debug.log"), "left out");
        Files.createSymbolicLink(dir.resolve("link.js"), Path.of("src/main.js"));
        dir.resolve("src/main.js").toFile().setExecutable(true, false);
        BuildContext context = BuildContext.of(dir, "Dockerfile");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String digest = ContextTar.write(context, out);

        assertThat(digest).isEqualTo(ContentDigest.of(context));
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                names.add(e.getName());
                if (e.getName().equals("src/main.js")) {
                    assertThat(new String(tar.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("main");
                    assertThat(e.getMode() & 0111).as("the executable bits are sent").isEqualTo(0111);
                }
                if (e.getName().equals("link.js")) assertThat(e.isSymbolicLink() && e.getLinkName().equals("src/main.js")).isTrue();
                assertThat(e.getModTime().getTime()).as("no timestamps: the same source gives the same tar").isZero();
            }
        }
        assertThat(names).isEqualTo(context.paths()).containsExactly(".dockerignore", "Dockerfile", "link.js", "src/", "src/empty/", "src/main.js");
    }
}
