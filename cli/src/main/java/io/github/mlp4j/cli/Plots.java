package io.github.mlp4j.cli;

import io.github.mlp4j.io.AtomicFiles;
import io.github.mlp4j.train.EpochStats;
import io.github.mlp4j.train.History;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Training curves as one PNG: loss on the left, accuracy on the right, train and validation per epoch. */
final class Plots {

    private Plots() {
    }

    static void trainingCurves(History h, String title, Path file) throws IOException {
        // Loss falls and accuracy rises: put each legend where its curves are not.
        XYChart loss = chart(title + ": loss", "loss", h, EpochStats::trainLoss, EpochStats::validationLoss,
                Styler.LegendPosition.InsideNE);
        XYChart accuracy = chart(title + ": accuracy", "accuracy", h, EpochStats::trainAccuracy,
                EpochStats::validationAccuracy, Styler.LegendPosition.InsideSE);
        BufferedImage left = BitmapEncoder.getBufferedImage(loss), right = BitmapEncoder.getBufferedImage(accuracy);
        BufferedImage both = new BufferedImage(left.getWidth() + right.getWidth(), left.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, left.getWidth(), 0, null);
        g.dispose();
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(both, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static XYChart chart(String title, String yTitle, History h, ToDoubleFunction<EpochStats> train,
                                 ToDoubleFunction<EpochStats> validation, Styler.LegendPosition legend) {
        XYChart c = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle("epoch").yAxisTitle(yTitle)
                .build();
        c.getStyler().setLegendPosition(legend);
        c.getStyler().setYAxisDecimalPattern("0.000");
        c.getStyler().setXAxisDecimalPattern("0");
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        add(c, "train", h, train);
        add(c, "validation", h, validation);
        return c;
    }

    private static void add(XYChart c, String name, History h, ToDoubleFunction<EpochStats> f) {
        List<Integer> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (EpochStats s : h.epochs()) {
            double v = f.applyAsDouble(s);
            if (Double.isFinite(v)) {
                x.add(s.epoch());
                y.add(v);
            }
        }
        if (!x.isEmpty()) {
            c.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
        }
    }
}
