package dev.infra.cli;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI in one directory, for one stage, without colour: what the end-to-end scenarios drive. */
final class StageCli {
    private final Cli cli;
    private final String stage;

    StageCli(Path dir, Map<String, String> env, String stage) {
        this.cli = new Cli(dir, env);
        this.stage = stage;
    }

    Cli.Result run(String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--stage";
        all[args.length + 1] = stage;
        all[args.length + 2] = "--no-color";
        return cli.run(all);
    }

    /** Runs a command that must succeed. */
    Cli.Result ok(String... args) {
        Cli.Result r = run(args);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return r;
    }

    /** A diff that must find nothing to do, with or without reading AWS first ({@code --refresh}). */
    void assertClean(String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "diff";
        args[1] = "--detailed-exitcode";
        System.arraycopy(more, 0, args, 2, more.length);
        assertThat(ok(args).out()).contains("No changes.");
    }
}
