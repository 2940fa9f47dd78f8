package bench;

import static bench.BenchStatistics.max;
import static bench.BenchStatistics.median;
import static bench.BenchStatistics.min;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

import bench.BenchResults.Run;

/** The two PNG plots of a bench run: users/s against volume, and the latency CDF per volume. */
final class BenchCharts {

    private static final int W = 800;
    private static final int H = 500;
    private static final int M = 70;

    private BenchCharts() {}

    /** Median users/s per volume (log x axis), min-max as a bar, the raw driver rate as a line. */
    static void throughputPlot(BenchResults results, Path file) throws IOException {
        Map<Integer, List<Run>> byVolume = results.byVolume();
        double maxY = Math.max(
                        median(results.driverRowsPerSecond()),
                        results.runs().stream()
                                .mapToDouble(Run::usersPerSecond)
                                .max()
                                .orElse(1))
                * 1.1;
        double minX = Math.log10(byVolume.keySet().stream()
                        .mapToInt(Integer::intValue)
                        .min()
                        .orElse(1))
                - 0.3;
        double maxX = Math.log10(byVolume.keySet().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElse(10))
                + 0.3;
        Canvas c = canvas();
        Graphics2D g = c.g();
        axes(g, "users per run (log)", "users/s", maxY);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 6}, 0));
        int rawY = y(median(results.driverRowsPerSecond()), maxY);
        g.drawLine(M, rawY, W - M, rawY);
        g.drawString("raw Cassandra driver rows/s", W - M - 190, rawY - 6);
        g.setStroke(new BasicStroke(2));
        g.setColor(new Color(31, 119, 180));
        int prevX = -1;
        int prevY = -1;
        for (Map.Entry<Integer, List<Run>> v : byVolume.entrySet()) {
            List<Double> rates = v.getValue().stream().map(Run::usersPerSecond).toList();
            int x = M + (int) ((Math.log10(v.getKey()) - minX) / (maxX - minX) * (W - 2 * M));
            int yMed = y(median(rates), maxY);
            g.drawLine(x, y(min(rates), maxY), x, y(max(rates), maxY));
            g.fillOval(x - 4, yMed - 4, 8, 8);
            g.drawString(String.format("%,d", v.getKey()), x - 20, H - M + 18);
            if (prevX >= 0) {
                g.drawLine(prevX, prevY, x, yMed);
            }
            prevX = x;
            prevY = yMed;
        }
        title(g, "End-to-end users/s by volume (median, min-max)");
        save(c, file);
    }

    /** Fraction of users persisted within t seconds of being fetched, one line per volume. */
    static void latencyCdf(BenchResults results, Path file) throws IOException {
        Map<Integer, List<Double>> byVolume = new TreeMap<>();
        results.runs()
                .forEach(r -> byVolume.computeIfAbsent(r.users(), v -> new ArrayList<>())
                        .addAll(r.latencySeconds()));
        double maxX = byVolume.values().stream()
                        .flatMap(List::stream)
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElse(1)
                * 1.05;
        Canvas c = canvas();
        Graphics2D g = c.g();
        axes(g, "seconds from UserFetched to the row in Cassandra", "fraction of users", 1.0);
        Color[] colours = {
            new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40)
        };
        int i = 0;
        for (Map.Entry<Integer, List<Double>> v : byVolume.entrySet()) {
            List<Double> sorted = v.getValue().stream().sorted().toList();
            if (sorted.isEmpty()) {
                continue;
            }
            g.setColor(colours[i % colours.length]);
            g.setStroke(new BasicStroke(2));
            int prevX = M;
            int prevY = H - M;
            for (int k = 0; k < sorted.size(); k += Math.max(1, sorted.size() / 400)) {
                int x = M + (int) (sorted.get(k) / maxX * (W - 2 * M));
                int yy = y((k + 1.0) / sorted.size(), 1.0);
                g.drawLine(prevX, prevY, x, yy);
                prevX = x;
                prevY = yy;
            }
            g.drawString(String.format("%,d users", v.getKey()), M + 20, M + 20 + 18 * i);
            i++;
        }
        g.setColor(Color.BLACK);
        g.drawString(String.format("%.1f s", maxX), W - M - 20, H - M + 18);
        title(g, "Latency CDF, UserFetched -> Cassandra");
        save(c, file);
    }

    /** An image and the pen drawing on it: headless AWT, no display needed. */
    private record Canvas(BufferedImage image, Graphics2D g) {}

    private static Canvas canvas() {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        return new Canvas(image, g);
    }

    private static int y(double value, double maxY) {
        return H - M - (int) (value / maxY * (H - 2 * M));
    }

    private static void axes(Graphics2D g, String xLabel, String yLabel, double maxY) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(M, H - M, W - M, H - M);
        g.drawLine(M, M, M, H - M);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(xLabel, W / 2 - 100, H - 25);
        g.drawString(yLabel, 10, M - 15);
        for (int t = 0; t <= 4; t++) {
            double v = maxY * t / 4;
            g.drawString(maxY > 10 ? String.format("%,.0f", v) : String.format("%.2f", v), 5, y(v, maxY) + 4);
        }
    }

    private static void title(Graphics2D g, String text) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(text, M, 30);
    }

    private static void save(Canvas c, Path file) throws IOException {
        c.g().dispose();
        if (!ImageIO.write(c.image(), "png", file.toFile())) {
            throw new IOException("no PNG writer in this JVM for " + file);
        }
    }
}
