package io.chanflow.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the suite's plot: for each workload, horizontal bars of ns/op (log scale) for Chanflow, Go, Jox and
 * the JDK. Reads the {@code plot.tsv} written by {@code benchmarks/report.py}; writes a PNG. Runs headless
 * with the JDK alone (no plotting library is needed):
 * {@code java -Djava.awt.headless=true -cp benchmarks.jar io.chanflow.benchmarks.report.Plot plot.tsv plot.png}.
 */
public final class Plot {
    private Plot() {}

    private static final String[] SERIES = {"Chanflow", "Go", "Jox", "JDK"};
    private static final Color[] COLORS = {
        new Color(0xD6, 0x4F, 0x1E), new Color(0x00, 0x7D, 0x9C), new Color(0x6A, 0x4C, 0x93), new Color(0x8C, 0x8C, 0x8C)
    };
    private static final int BAR = 7;
    private static final int ROW_GAP = 10;
    private static final int LEFT = 300;
    private static final int RIGHT = 80;
    private static final int TOP = 70;
    private static final int BOTTOM = 60;
    private static final int PLOT_WIDTH = 900;

    record Row(String label, double[] values) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Plot plot.tsv out.png");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        List<Row> rows = read(Path.of(args[0]));
        ImageIO.write(draw(rows), "png", Path.of(args[1]).toFile());
    }

    static List<Row> read(Path tsv) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            double[] v = new double[SERIES.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = i + 1 < f.length && !f[i + 1].isEmpty() ? Double.parseDouble(f[i + 1]) : Double.NaN;
            }
            rows.add(new Row(f[0], v));
        }
        return rows;
    }

    static BufferedImage draw(List<Row> rows) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Row r : rows) {
            for (double v : r.values()) {
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        double lo = Math.floor(Math.log10(Math.max(min, 1e-3)));
        double hi = Math.ceil(Math.log10(Math.max(max, 10)));
        int rowHeight = SERIES.length * BAR + ROW_GAP;
        int height = TOP + rows.size() * rowHeight + BOTTOM;
        int width = LEFT + PLOT_WIDTH + RIGHT;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Chanflow vs Go vs Jox vs JDK: ns per op (log scale, shorter is faster)", LEFT, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int lx = LEFT;
        for (int s = 0; s < SERIES.length; s++) {
            g.setColor(COLORS[s]);
            g.fillRect(lx, 38, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString(SERIES[s], lx + 18, 48);
            lx += 100;
        }

        // grid: one line per decade
        int plotBottom = TOP + rows.size() * rowHeight;
        for (int e = (int) lo; e <= (int) hi; e++) {
            int x = xOf(Math.pow(10, e), lo, hi);
            g.setColor(new Color(0xDD, 0xDD, 0xDD));
            g.setStroke(new BasicStroke(1));
            g.drawLine(x, TOP - 6, x, plotBottom);
            g.setColor(Color.DARK_GRAY);
            String label = e >= 3 ? String.format("%,d", (long) Math.pow(10, e)) : trim(Math.pow(10, e));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(label, x - fm.stringWidth(label) / 2, plotBottom + 16);
        }
        g.drawString("ns/op", LEFT + PLOT_WIDTH / 2 - 15, plotBottom + 36);

        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int y = TOP + i * rowHeight;
            if (i % 2 == 1) {
                g.setColor(new Color(0xF6, 0xF6, 0xF6));
                g.fillRect(0, y - ROW_GAP / 2, width, rowHeight);
            }
            g.setColor(Color.BLACK);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(r.label(), LEFT - 8 - fm.stringWidth(r.label()), y + SERIES.length * BAR / 2 + 4);
            for (int s = 0; s < SERIES.length; s++) {
                double v = r.values()[s];
                if (!(v > 0)) {
                    continue;
                }
                int x = xOf(v, lo, hi);
                g.setColor(COLORS[s]);
                g.fillRect(LEFT, y + s * BAR, Math.max(1, x - LEFT), BAR - 1);
            }
        }
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, TOP - 6, LEFT, plotBottom);
        g.dispose();
        return img;
    }

    private static int xOf(double v, double lo, double hi) {
        double f = (Math.log10(v) - lo) / (hi - lo);
        return LEFT + (int) Math.round(Math.max(0, Math.min(1, f)) * PLOT_WIDTH);
    }

    private static String trim(double v) {
        String s = String.format("%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
