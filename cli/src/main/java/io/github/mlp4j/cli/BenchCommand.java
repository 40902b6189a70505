package io.github.mlp4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlp4j bench}: runs the JMH suite's quick (or full) profile through {@code benchmarks/run} in the
 * mlp4j checkout ({@code $MLP4J_HOME}, which the launcher sets, else the working directory).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the JMH benchmarks (module benchmarks) and writes a table and plots to "
                + "benchmarks/results.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Option(names = "--full", description = "The full profile (every shape, batch size and backend; about an hour) "
            + "instead of the quick one (8-13 minutes).")
    boolean full;
    @Mixin
    Main.Common common;

    @Override
    public Integer call() throws Exception {
        String home = System.getenv("MLP4J_HOME");
        Path runner = Path.of(home != null ? home : ".", "benchmarks", "run");
        if (!Files.isExecutable(runner)) {
            throw new java.nio.file.NoSuchFileException(runner.toAbsolutePath().toString(), null,
                    "the benchmark runner of an mlp4j checkout; run from the repository or through ./mlp4j");
        }
        Process p = new ProcessBuilder(runner.toString(), full ? "full" : "quick").inheritIO().start();
        return p.waitFor();
    }
}
