package id.posindonesia.balas.nlu.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import id.posindonesia.balas.nlu.FallbackPolicy;

/**
 * Draws, for each set of predictions, how many right and wrong decisions fall at each level of the
 * classifier's top confidence, with the fallback threshold marked: a good threshold has most wrong
 * answers to its left and most right answers to its right.
 */
final class ConfidenceHistogram {

	private static final int BINS = 20;

	private static final int WIDTH = 960;

	private static final int PANEL_HEIGHT = 340;

	private static final int MARGIN_LEFT = 70;

	private static final int MARGIN_RIGHT = 30;

	private static final int MARGIN_TOP = 50;

	private static final int MARGIN_BOTTOM = 60;

	private static final Color RIGHT = new Color(0x2E7D32);

	private static final Color WRONG = new Color(0xC62828);

	private ConfidenceHistogram() {
	}

	static void write(Map<String, List<Prediction>> panels, FallbackPolicy policy, Path file) throws IOException {
		BufferedImage image = new BufferedImage(WIDTH, PANEL_HEIGHT * panels.size(), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
			int top = 0;
			for (Map.Entry<String, List<Prediction>> panel : panels.entrySet()) {
				drawPanel(graphics, top, panel.getKey(), panel.getValue(), policy);
				top += PANEL_HEIGHT;
			}
		}
		finally {
			graphics.dispose();
		}
		ImageIO.write(image, "png", file.toFile());
	}

	private static void drawPanel(Graphics2D graphics, int top, String title, List<Prediction> predictions,
			FallbackPolicy policy) {
		int[] right = new int[BINS];
		int[] wrong = new int[BINS];
		for (Prediction prediction : predictions) {
			int bin = Math.min(BINS - 1, (int) (prediction.ranking().get(0).confidence() * BINS));
			(prediction.isCorrect(policy) ? right : wrong)[bin]++;
		}
		int highest = 1;
		for (int bin = 0; bin < BINS; bin++) {
			highest = Math.max(highest, Math.max(right[bin], wrong[bin]));
		}
		int plotWidth = WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
		int plotHeight = PANEL_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
		int baseline = top + MARGIN_TOP + plotHeight;
		int binWidth = plotWidth / BINS;

		graphics.setColor(Color.BLACK);
		graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
		graphics.drawString(title + " — top confidence of right (green) and wrong (red) decisions", MARGIN_LEFT,
				top + 30);
		graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		for (int bin = 0; bin < BINS; bin++) {
			int x = MARGIN_LEFT + bin * binWidth;
			drawBar(graphics, x + 2, binWidth / 2 - 2, baseline, right[bin], highest, plotHeight, RIGHT);
			drawBar(graphics, x + binWidth / 2, binWidth / 2 - 2, baseline, wrong[bin], highest, plotHeight, WRONG);
		}
		graphics.setColor(Color.BLACK);
		graphics.drawLine(MARGIN_LEFT, baseline, MARGIN_LEFT + plotWidth, baseline);
		graphics.drawLine(MARGIN_LEFT, baseline, MARGIN_LEFT, top + MARGIN_TOP);
		for (int tick = 0; tick <= 10; tick++) {
			int x = MARGIN_LEFT + tick * plotWidth / 10;
			graphics.drawLine(x, baseline, x, baseline + 5);
			graphics.drawString(String.format("%.1f", tick / 10.0), x - 8, baseline + 20);
		}
		graphics.drawString("top confidence (bar heights on a square-root scale)", MARGIN_LEFT + plotWidth / 2 - 140,
				baseline + 40);
		graphics.drawString(String.valueOf(highest), 10, top + MARGIN_TOP + 5);
		graphics.drawString("0", 10, baseline);

		int thresholdX = MARGIN_LEFT + (int) (policy.confidenceThreshold() * plotWidth);
		graphics.setColor(Color.DARK_GRAY);
		graphics.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 6, 4 }, 0));
		graphics.drawLine(thresholdX, top + MARGIN_TOP, thresholdX, baseline);
		graphics.setStroke(new BasicStroke());
		graphics.drawString("threshold " + policy.confidenceThreshold(), thresholdX + 4, top + MARGIN_TOP + 12);
	}

	private static void drawBar(Graphics2D graphics, int x, int width, int baseline, int count, int highest,
			int plotHeight, Color color) {
		if (count == 0) {
			return;
		}
		// a square-root scale keeps the few wrong answers visible beside hundreds of right ones
		int height = Math.max(1, (int) (Math.sqrt((double) count / highest) * plotHeight));
		graphics.setColor(color);
		graphics.fillRect(x, baseline - height, width, height);
		graphics.setColor(Color.BLACK);
		graphics.drawString(String.valueOf(count), x, baseline - height - 3);
	}

}
