package dev.infra.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} on every command: usage, options and an example on stdout, exit 0. */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help (usage, options, an example) and exit")
    public boolean help;
}
