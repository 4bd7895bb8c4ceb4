package dev.infra.cli;

import dev.infra.core.diag.Diagnostic;
import dev.infra.core.diag.ExitCode;
import dev.infra.core.diag.InfraException;
import dev.infra.core.diag.InvalidInputException;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** Entry point. Only {@link #main} exits the process; tests call {@link #run}. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        Io io = new Io(System.out, System.err, System.in, System.getenv(), Path.of("").toAbsolutePath(), System.console() != null);
        int code = run(io, args);
        System.out.flush();
        System.exit(code);
    }

    public static int run(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path cwd, String... args) {
        return run(new Io(out, err, in, env, cwd, false), args);
    }

    public static int run(Io io, String... args) {
        CommandLine cl = commandLine(io);
        boolean verbose = Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose");
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            report(e, io.err(), verbose);
            return exitCode(e);
        });
        return cl.execute(args);
    }

    /** The command tree, printing to {@code io}'s streams. */
    public static CommandLine commandLine(Io io) {
        CommandLine cl = new CommandLine(new InfraCommand(), new IoFactory(io));
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        cl.setExitCodeExceptionMapper(Main::exitCode);
        return cl;
    }

    static int exitCode(Throwable e) {
        if (e instanceof InfraException ie) return ie.exitCode().code();
        return ExitCode.FAILURE.code();
    }

    private static void report(Exception e, PrintStream err, boolean verbose) {
        if (e instanceof InvalidInputException ii && !ii.diagnostics().isEmpty()) {
            for (Diagnostic d : ii.diagnostics()) err.println(d.render());
            long errors = ii.diagnostics().stream().filter(d -> d.severity() == dev.infra.core.diag.Severity.ERROR).count();
            err.println(errors + (errors == 1 ? " error" : " errors") + "; nothing was changed");
        } else if (e instanceof InfraException) {
            err.println("error: " + e.getMessage());
        } else {
            err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage() + (verbose ? "" : " (run with -v for details)"));
        }
        if (verbose) e.printStackTrace(err);
    }

    /** Builds commands with the process's {@link Io}. */
    private record IoFactory(Io io) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getConstructor(Io.class).newInstance(io);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
