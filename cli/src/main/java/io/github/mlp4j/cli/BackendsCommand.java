package io.github.mlp4j.cli;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Backends;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlp4j backends}: what is installed, what can run here and why not, and optionally a check of each. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "Lists installed backends: available or not (and why), priority, what they run on.")
final class BackendsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Option(names = "--verify", description = "Run each available backend against the reference backend and print the"
            + " largest error per operation.")
    boolean verify;
    @Mixin
    Main.Common common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "%-12s %-9s %8s  %s", "backend", "available", "priority", "detail"));
        var installed = Backends.installed();
        for (Backends.Installed b : installed) {
            out.println(String.format(Locale.ROOT, "%-12s %-9s %8d  %s", b.name(), b.availability().available() ? "yes"
                    : "no", b.priority(), b.availability().detail()));
        }
        out.println("default: " + installed.stream().filter(b -> b.availability().available()).findFirst()
                .map(Backends.Installed::name).orElse("reference") + " (choose with --backend, -Dmlp4j.backend or "
                + "MLP4J_BACKEND)");
        if (verify) {
            for (Backends.Installed b : installed) {
                if (!b.availability().available()) {
                    continue;
                }
                try (Backend be = b.provider().create()) {
                    out.println();
                    out.println(b.name() + " against reference: largest absolute difference per operation");
                    for (Map.Entry<String, Double> e : Verify.against(be).entrySet()) {
                        out.println(String.format(Locale.ROOT, "  %-34s %.3g", e.getKey(), e.getValue()));
                    }
                }
            }
        }
        out.flush();
        return 0;
    }
}
