package io.github.mlp4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 60,000 training and 10,000 test images of 28x28
 * grey pixels in 10 classes, as the four IDX files of the original distribution (gzipped or not).
 * Debian's {@code dataset-fashion-mnist} installs them under {@link #DEBIAN_DIR}.
 */
public final class FashionMnist {

    /** Where Debian's {@code dataset-fashion-mnist} package puts the files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** The class names, by label. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The training and test sets. */
    public record Data(Dataset train, Dataset test) {
    }

    private FashionMnist() {
    }

    /** Whether {@code dir} holds the four files. */
    public static boolean isPresent(Path dir) {
        try {
            for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                    "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
                find(dir, name);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Loads both sets from {@code dir}, pixels scaled to [0, 1]. */
    public static Data load(Path dir) throws IOException {
        return new Data(load(dir, "train"), load(dir, "t10k"));
    }

    private static Dataset load(Path dir, String prefix) throws IOException {
        Idx.Images images = Idx.readImages(find(dir, prefix + "-images-idx3-ubyte"));
        int[] labels = Idx.readLabels(find(dir, prefix + "-labels-idx1-ubyte"));
        if (labels.length != images.count()) {
            throw new IOException(dir + ": " + prefix + " has " + images.count() + " images but " + labels.length
                    + " labels");
        }
        try {
            return Dataset.ofClasses(images.pixels(), images.pixelsPerImage(), labels, CLASSES.size());
        } catch (IllegalArgumentException e) {
            throw new IOException(dir + ": " + prefix + " labels: " + e.getMessage(), e);
        }
    }

    private static Path find(Path dir, String name) throws IOException {
        for (Path p : new Path[] {dir.resolve(name + ".gz"), dir.resolve(name)}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new java.nio.file.NoSuchFileException(dir.resolve(name + ".gz").toString(), null,
                "Fashion-MNIST file missing (install Debian's dataset-fashion-mnist, or point to a directory holding it)");
    }
}
