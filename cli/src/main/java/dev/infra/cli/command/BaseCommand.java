package dev.infra.cli.command;

import dev.infra.cli.AppContext;
import dev.infra.cli.GlobalOptions;
import dev.infra.cli.HelpOption;
import dev.infra.cli.Io;
import dev.infra.cli.InfraCommand;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** Shared by every command: the process's streams and the global options; returns an exit code. */
public abstract class BaseCommand implements Callable<Integer> {
    @Mixin
    public GlobalOptions global;

    @Mixin
    public HelpOption help;

    @Spec
    CommandLine.Model.CommandSpec spec;

    protected final Io io;
    private AppContext ctx;

    protected BaseCommand(Io io) {
        this.io = io;
    }

    protected AppContext ctx() {
        if (ctx == null) ctx = new AppContext(global, io);
        return ctx;
    }

    /** Where human text goes: stdout, or stderr when stdout carries JSON. */
    protected PrintStream human() {
        return global.json ? io.err() : io.out();
    }

    @Override
    public final Integer call() throws Exception {
        if (spec.root().userObject() instanceof InfraCommand root) global.inheritFrom(root.global);
        return run();
    }

    protected abstract int run() throws Exception;
}
