package io.github.mlp4j.cli;

import io.github.mlp4j.train.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code mlp4j} command. Exit codes: 0 success, 2 bad input (a one-line message, the stack trace
 * only with {@code --verbose}), 1 anything else.
 */
@Command(name = "mlp4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Multi-layer perceptrons on swappable numeric backends.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, BackendsCommand.class,
                BenchCommand.class})
public final class Main {

    /**
     * Options every command has, mixed in with {@code @Mixin}. {@link #run} reads {@code --verbose} from the raw
     * arguments too, because it sets the log level before the command line is parsed.
     */
    static final class Common {
        @Option(names = "--verbose", description = "Log more, and print stack traces of errors.")
        boolean verbose;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mlp4j " + io.github.mlp4j.io.ModelFile.libraryVersion() + " on Java "
                    + Runtime.version()};
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit code; tests call this. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        if (!verbose && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            boolean badInput = cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                    || cause instanceof IOException;
            err.println("mlp4j " + commandLine.getCommandName() + ": " + message(cause));
            if (verbose || !badInput && !(cause instanceof TrainingDivergedException)) {
                cause.printStackTrace(err);
            }
            err.flush();
            return badInput ? 2 : 1;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("mlp4j: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            err.flush();
            return 2;
        });
        return cli.execute(args);
    }

    static String message(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile() + (n.getReason() == null ? "" : " (" + n.getReason() + ")");
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
