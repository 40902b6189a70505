package io.github.mlp4j.cli;

import io.github.mlp4j.backend.Backend;
import io.github.mlp4j.backend.Backends;
import io.github.mlp4j.data.Dataset;
import io.github.mlp4j.data.Scaler;
import io.github.mlp4j.eval.ClassificationReport;
import io.github.mlp4j.io.ModelFile;
import io.github.mlp4j.nn.Activation;
import io.github.mlp4j.nn.Loss;
import io.github.mlp4j.nn.Network;
import io.github.mlp4j.nn.NetworkBuilder;
import io.github.mlp4j.optim.Optimizer;
import io.github.mlp4j.optim.Regularization;
import io.github.mlp4j.train.EarlyStopping;
import io.github.mlp4j.train.EpochStats;
import io.github.mlp4j.train.GradientDescent;
import io.github.mlp4j.train.History;
import io.github.mlp4j.train.Trainer;
import io.github.mlp4j.train.TrainingDivergedException;
import io.github.mlp4j.train.TrainingListener;
import io.github.mlp4j.train.TrainingState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlp4j train}: trains an MLP, reports test accuracy, writes the model and its training curves. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a multi-layer perceptron and evaluates it on held-out test data.",
                "With no arguments: %n  784 -> 256 relu -> dropout 0.2 -> 128 relu -> dropout 0.2 -> 10 softmax, Adam"
                        + " 0.001, mini-batches of 64, 5 epochs, on Fashion-MNIST (else the bundled 8x8 digits)."})
final class TrainCommand implements Callable<Integer> {

    enum Format { idx, csv }

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "PATH", description = "IDX directory or CSV file. Default: $MLP4J_DATA, "
            + "~/.cache/mlp4j/fashion-mnist, /usr/share/datasets/fashion-mnist, then the bundled digits.")
    Path data;
    @Option(names = "--format", defaultValue = "idx", description = "idx or csv (default: ${DEFAULT-VALUE}).")
    Format format;
    @Option(names = "--label", defaultValue = "label", description = "CSV label column, name or 0-based index "
            + "(default: ${DEFAULT-VALUE}).")
    String label;
    @Option(names = "--test-data", paramLabel = "CSV", description = "CSV test file; default: 20 % of --data.")
    Path testData;
    @Option(names = "--download", description = "Fetch Fashion-MNIST (SHA-256 verified) into --data or "
            + "~/.cache/mlp4j/fashion-mnist first.")
    boolean download;
    @Option(names = "--download-url", hidden = true, defaultValue = Downloader.OFFICIAL_BASE)
    String downloadUrl;
    @Option(names = "--scale", defaultValue = "auto", description = "none, standardize, minmax or auto (none for "
            + "IDX pixels, already in [0, 1]; standardize for CSV).")
    String scale;

    @Option(names = "--layers", split = ",", defaultValue = "256,128", description = "Hidden layer sizes "
            + "(default: ${DEFAULT-VALUE}).")
    int[] layers;
    @Option(names = "--activation", defaultValue = "relu", description = "Hidden activation (default: "
            + "${DEFAULT-VALUE}): identity, step, sign, hard_sigmoid, sigmoid, tanh, relu, leaky_relu(0.01), prelu, "
            + "softplus, softmax.")
    String activation;
    @Option(names = "--loss", defaultValue = "categorical_cross_entropy", description = "categorical_cross_entropy "
            + "(softmax output), binary_cross_entropy (sigmoid outputs), mse or mae (softmax output).")
    String loss;
    @Option(names = "--dropout", defaultValue = "0.2", description = "dropRate after each hidden layer; 0 for none "
            + "(default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--optimizer", defaultValue = "adam", description = "sgd, momentum, nesterov, adagrad, rmsprop, "
            + "adam, adamw (default: ${DEFAULT-VALUE}).")
    String optimizer;
    @Option(names = "--lr", defaultValue = "0.001", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    float lr;
    @Option(names = "--schedule", defaultValue = "constant", description = Schedules.HELP)
    String schedule;
    @ArgGroup(exclusive = true)
    Batching batching;
    @Option(names = "--epochs", defaultValue = "5", description = "(default: ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--l1", defaultValue = "0", description = "L1 penalty on weights.")
    float l1;
    @Option(names = "--l2", defaultValue = "0", description = "L2 penalty on weights (l2/2 sum w^2).")
    float l2;
    @Option(names = "--early-stopping", paramLabel = "PATIENCE", description = "Stop when validation loss has not "
            + "improved for PATIENCE epochs, keeping the best weights.")
    Integer patience;
    @Option(names = "--validation-split", defaultValue = "0.1", description = "Fraction of the training data held "
            + "out for validation (default: ${DEFAULT-VALUE}).")
    double validationSplit;
    @Option(names = "--seed", defaultValue = "42", description = "Fixes weights, dropout, shuffling, splits.")
    long seed;

    @Option(names = "--backend", description = "reference, vector, ... (default: the best available).")
    String backend;
    @Option(names = "--threads", description = "Threads for backends that use several.")
    Integer threads;
    @Option(names = "--out", defaultValue = "model.safetensors", description = "Model file (default: "
            + "${DEFAULT-VALUE}).")
    Path out;
    @Option(names = "--plot", defaultValue = "training.png", description = "Training curves PNG (default: "
            + "${DEFAULT-VALUE}).")
    Path plot;
    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0", description = "Write a checkpoint "
            + "(model + optimizer state) to <out>.checkpoint every N epochs.")
    int checkpointEvery;
    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Continue from a checkpoint, with the "
            + "architecture and scaler it holds.")
    Path resume;
    @Option(names = "--save-on-divergence", description = "If the loss stops being finite, still write the last "
            + "good weights (the end of the last finite epoch) to --out before failing.")
    boolean saveOnDivergence;
    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;
    @Mixin
    Main.Common common;

    static final class Batching {
        @Option(names = "--batch", paramLabel = "N", description = "Mini-batch gradient descent with N samples per "
                + "update (default: 64).")
        Integer batch;
        @Option(names = "--full-batch", description = "Batch gradient descent: one update per epoch.")
        boolean fullBatch;
        @Option(names = "--stochastic", description = "Stochastic gradient descent: one sample per update.")
        boolean stochastic;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter log = spec.commandLine().getOut();
        long start = System.nanoTime();
        if (threads != null) {
            System.setProperty("mlp4j.threads", String.valueOf(threads));
        }
        Backend b = Backends.get(backend);

        List<String> classes = new ArrayList<>();
        Dataset train, test;
        String what;
        if (format == Format.csv) {
            if (data == null) {
                throw new IllegalArgumentException("--format csv needs --data FILE.csv");
            }
            train = DataSource.csv(data, label, classes);
            if (testData != null) {
                test = DataSource.csv(testData, label, classes);
            } else {
                Dataset.Split s = train.split(0.2, seed);
                train = s.first();
                test = s.second();
            }
            what = "CSV " + data;
        } else {
            if (download) {
                Path dir = data != null ? data : DataSource.cacheDir();
                new Downloader(downloadUrl, Downloader.FASHION_MNIST, !quiet).fetchAll(dir, log);
                data = dir;
            }
            DataSource.Loaded l = DataSource.idx(data, log);
            train = l.train();
            test = l.test();
            classes.addAll(l.classes());
            what = l.description();
        }

        ModelFile.Model resumed = resume == null ? null : ModelFile.load(resume, b);
        if (resumed != null && resumed.checkpoint() == null) {
            throw new IllegalArgumentException(resume + " is a final model, not a checkpoint (written with "
                    + "--checkpoint-every)");
        }
        Scaler scaler = resumed != null ? resumed.scaler() : scaler(train);
        if (scaler != null) {
            train = scaler.transform(train);
            test = scaler.transform(test);
        }
        Network net = resumed != null ? resumed.network() : network(b, train.featureCount(), classes.size());
        GradientDescent mode = mode();
        int trainRows = train.rows() - (validationSplit > 0 ? (int) Math.round(train.rows() * validationSplit) : 0);
        long perEpoch = mode.iterationsPerEpoch(trainRows);
        Path checkpoint = out.resolveSibling(out.getFileName() + ".checkpoint");
        Scaler fitted = scaler;
        Trainer.Builder tb = Trainer.builder().mode(mode).epochs(epochs).seed(seed)
                .optimizer(Optimizer.parse(optimizer, lr)).schedule(Schedules.parse(schedule, epochs * perEpoch))
                .regularization(new Regularization(l1, l2, false)).validationSplit(validationSplit)
                .listener(new Progress(log, epochs, perEpoch, mode.batchSizeFor(trainRows), quiet));
        if (patience != null) {
            tb.earlyStopping(EarlyStopping.onValidationLoss(patience));
        }
        Trainer[] trainer = new Trainer[1];
        if (checkpointEvery > 0) {
            tb.listener(new TrainingListener() {
                @Override
                public void onEpochEnd(EpochStats stats, Supplier<TrainingState> state) {
                    if (stats.epoch() % checkpointEvery == 0) {
                        try {
                            ModelFile.save(checkpoint, new ModelFile.Model(net, fitted, classes,
                                    trainer[0].toString(), state.get()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
            });
        }
        trainer[0] = tb.build();
        log.println("mlp4j train: " + what + ", " + train.rows() + " training and " + test.rows() + " test rows");
        log.println(net);
        log.println(trainer[0]);
        log.println("backend: " + b.name() + (scaler == null ? "" : ", features scaled: " + scaler.kind()));
        log.flush();

        History h;
        try {
            h = trainer[0].resume(net, train, resumed == null ? null : resumed.checkpoint());
        } catch (TrainingDivergedException e) {
            if (saveOnDivergence) {
                ModelFile.save(out, new ModelFile.Model(net, scaler, classes, trainer[0].toString(), null));
                log.println("saved the weights of the end of epoch " + (e.epoch() - 1) + " to " + out.toAbsolutePath());
                log.flush();
            }
            throw e;
        }

        int[] predicted = net.predictClass(test.features(), test.rows());
        ClassificationReport report = ClassificationReport.of(predicted, test.labels(), classes.size(), classes);
        double throughput = h.epochs().stream().mapToDouble(EpochStats::samplesPerSecond).average().orElse(0);
        log.println();
        log.println(report.confusionTable());
        log.print(report);
        log.println(String.format(Locale.ROOT, "test accuracy %.4f on %d rows", report.accuracy(), test.rows()));
        log.println(String.format(Locale.ROOT, "throughput %,.0f samples/s (mean over %d epochs), %.1f s in all",
                throughput, h.epochs().size(), (System.nanoTime() - start) / 1e9));
        if (h.stoppedEarly()) {
            log.println("stopped early; weights of epoch " + h.bestEpoch());
        }
        ModelFile.save(out, new ModelFile.Model(net, scaler, classes, trainer[0].toString(), null));
        log.println("model written to " + out.toAbsolutePath());
        Plots.trainingCurves(h, "mlp4j " + what.split(" ")[0], plot);
        log.println("training curves written to " + plot.toAbsolutePath());
        return 0;
    }

    private Scaler scaler(Dataset train) {
        String s = scale.equals("auto") ? (format == Format.csv ? "standardize" : "none") : scale;
        return switch (s) {
            case "none" -> null;
            case "standardize" -> Scaler.standardize(train);
            case "minmax" -> Scaler.minMax(train);
            default -> throw new IllegalArgumentException("--scale '" + scale + "': expected none, standardize, minmax "
                    + "or auto");
        };
    }

    private GradientDescent mode() {
        if (batching == null || batching.batch != null) {
            int size = batching == null ? 64 : batching.batch;
            if (size < 1) {
                throw new IllegalArgumentException("--batch is " + size + ", expected at least 1");
            }
            return GradientDescent.miniBatch(size);
        }
        return batching.fullBatch ? GradientDescent.fullBatch() : GradientDescent.stochastic();
    }

    private Network network(Backend b, int inputs, int classCount) {
        Activation hidden = Activation.parse(activation);
        Loss l = Loss.parse(loss);
        Activation output = l == Loss.BINARY_CROSS_ENTROPY ? Activation.SIGMOID : Activation.SOFTMAX;
        if (l == Loss.SOFTMAX_CROSS_ENTROPY || l == Loss.SIGMOID_CROSS_ENTROPY) {
            throw new IllegalArgumentException("--loss " + loss + " is internal; use categorical_cross_entropy or "
                    + "binary_cross_entropy");
        }
        NetworkBuilder nb = Network.builder().input(inputs).loss(l).seed(seed);
        for (int units : layers) {
            nb.dense(units, hidden);
            if (dropout > 0) {
                nb.dropout(dropout);
            }
        }
        return nb.dense(classCount, output).build(b);
    }
}
