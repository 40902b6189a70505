package io.github.mlp4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlp4j bench}: runs the benchmark suite's quick profile when its runner is present. The suite
 * itself (module {@code benchmarks}) is not written yet, so today this says so.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the JMH benchmarks' quick profile (module benchmarks), if built.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Option(names = "--verbose", description = "Log more, and print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Path runner = Path.of("benchmarks", "run");
        if (!Files.isExecutable(runner)) {
            spec.commandLine().getErr().println("mlp4j bench: no benchmark runner at " + runner.toAbsolutePath()
                    + "; the JMH suite is not part of this build yet.");
            return 1;
        }
        Process p = new ProcessBuilder(runner.toString(), "quick").inheritIO().start();
        return p.waitFor();
    }
}
