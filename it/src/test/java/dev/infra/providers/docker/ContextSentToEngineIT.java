package dev.infra.providers.docker;

import com.github.dockerjava.api.DockerClient;
import dev.infra.core.parse.BuildContext;
import dev.infra.core.component.ContentDigest;
import dev.infra.core.component.ImageTag;
import dev.infra.core.parse.DockerIgnore;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * For a set of {@code .dockerignore} files, the files a real engine receives equal the entries the content digest
 * reads: each context is built by {@link DockerJavaEngine} ({@code FROM scratch}, {@code COPY . /ctx/}) and pushed
 * to the local registry, and the image's {@code /ctx} is read back from a container of it.
 */
class ContextSentToEngineIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        assumeThat(LocalEngine.missing()).as("a Docker engine and a local registry (.ci/run starts both)").isEmpty();
    }

    private void write(String path, String content) throws IOException {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), content);
    }

    private void tree() throws IOException {
        write("Dockerfile", "FROM scratch\nCOPY . /ctx/\n");
        for (String f : List.of("app.js", "debug.log", "docs/README.md", "docs/guide.md", "docs/sub/x.md", "logs/a.log", "logs/b.txt",
                "src/main.js", "src/a/test/t.js", "src/test/u.js", "keep/deep/x.tmp", "other/y.tmp", "abs.txt", "#hash.txt",
                "a[b].txt", "sp ace.txt", ".infra/state/app/dev/state.json", ".git/HEAD"))
            write(f, "content of " + f);
        Files.createDirectories(dir.resolve("emptydir"));
        Files.createSymbolicLink(dir.resolve("link.js"), Path.of("app.js"));
    }

    /** The .dockerignore files tried: exceptions, **, escapes, comments, a leading /, the Dockerfile excluded. */
    static List<String> dockerignores() {
        return List.of(IGNORES);
    }

    private static final String[] IGNORES = {
            "",
            "*.log\n",
            "docs\n!docs/README.md\n",
            "**/*.tmp\n!keep/**/*.tmp\n",
            "# a comment\n #hash.txt\n/abs.txt\n",
            "*\n!src\n",
            "logs\n!**/a.log\n",
            "src/**/test\n",
            "Dockerfile\n.dockerignore\n",
            "a\\[b\\].txt\nsp?ace.txt\n**\n!docs/sub\n",
    };

    @ParameterizedTest
    @MethodSource("dockerignores")
    void theEngineReceivesExactlyWhatTheDigestReads(String dockerignore) throws Exception {
        tree();
        if (!dockerignore.isEmpty()) write(".dockerignore", dockerignore);
        BuildContext context = BuildContext.of(dir, "Dockerfile");
        String digest = ContentDigest.of(context);
        String target = LocalEngine.REGISTRY + "/infra-it-context:" + ImageTag.of(digest);
        new DockerJavaEngine(null).buildAndPush(new DockerEngine.Build(dir, "Dockerfile", "linux/amd64", target, digest),
                new DockerEngine.RegistryAuth("AWS", "unused", "http://" + LocalEngine.REGISTRY), w -> { });

        assertThat(inImage(target)).as(".dockerignore:\n" + dockerignore).isEqualTo(expected(context));
    }

    /**
     * Docker's own CLI (its classic builder, {@code DOCKER_BUILDKIT=0}; BuildKit needs buildx) builds the same
     * contexts: the files it sends are the ones the digest reads, but for {@code .git} and {@code .infra}, which
     * infra never sends. Skipped without a {@code docker} command.
     */
    @ParameterizedTest
    @MethodSource("dockerignores")
    void dockersOwnCliSendsTheSameFiles(String dockerignore) throws Exception {
        assumeThat(dockerCli()).as("a docker command on the PATH").isTrue();
        tree();
        if (!dockerignore.isEmpty()) write(".dockerignore", dockerignore);
        String image = "infra-it-cli:" + ImageTag.of(ContentDigest.of(dir, "Dockerfile"));
        ProcessBuilder cli = new ProcessBuilder("docker", "build", "-q", "-t", image, ".").directory(dir.toFile()).redirectErrorStream(true);
        cli.environment().put("DOCKER_BUILDKIT", "0");
        Process build = cli.start();
        build.getOutputStream().close();
        String output = new String(build.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(build.waitFor()).as(output).isZero();
        TreeSet<String> sent = inImage(image);
        sent.removeIf(p -> p.startsWith(".git/") || p.startsWith(".infra/")); // infra never sends these two, on purpose
        assertThat(sent).as(".dockerignore:\n" + dockerignore).isEqualTo(expected(BuildContext.of(dir, "Dockerfile")));
    }

    private static boolean dockerCli() {
        try {
            Process p = new ProcessBuilder("docker", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The digest's entries, less what the engine itself drops after reading them (the Dockerfile and .dockerignore
     * are always sent, and the engine removes them from the context when .dockerignore names them), plus the
     * directories above each entry, which unpacking creates (an excluded directory's entry is not sent, but an
     * exception under it makes it exist).
     */
    private TreeSet<String> expected(BuildContext context) throws IOException {
        TreeSet<String> paths = new TreeSet<>(context.paths());
        DockerIgnore ignore = DockerIgnore.of(dir);
        for (String f : List.of("Dockerfile", ".dockerignore")) if (ignore.matchesOrParentMatches(f)) paths.remove(f);
        for (String p : List.copyOf(paths))
            for (int slash = p.indexOf('/'); slash >= 0 && slash < p.length() - 1; slash = p.indexOf('/', slash + 1)) paths.add(p.substring(0, slash + 1));
        return paths;
    }

    private static TreeSet<String> inImage(String image) throws IOException {
        try (DockerClient docker = LocalEngine.client()) {
            String id = docker.createContainerCmd(image).withCmd("/none").exec().getId();
            try (InputStream in = docker.copyArchiveFromContainerCmd(id, "/ctx/.").exec(); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                List<String> out = new ArrayList<>();
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    String name = e.getName().substring(e.getName().indexOf('/') + 1);
                    if (!name.isEmpty()) out.add(name);
                }
                return new TreeSet<>(out);
            } finally {
                docker.removeContainerCmd(id).exec();
            }
        }
    }
}
