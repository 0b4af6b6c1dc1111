package dev.selvedge.catalog;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Draws a studio-style picture of a garment type in a colour, for the demo catalogue: a silhouette
 * on a soft backdrop, lit from above, with seams and details. Views: 0 front, 1 back, 2 close-up.
 * Pictures are {@value #WIDTH} x {@value #HEIGHT}, as large as a real product photo.
 */
public final class GarmentPainter {

    public static final int WIDTH = 1600;
    public static final int HEIGHT = 2000;

    private GarmentPainter() {}

    public static BufferedImage paint(String garmentType, int rgb, int view) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            Color cloth = new Color(rgb);
            g.setPaint(
                    new GradientPaint(0, 0, new Color(0xf4f1ec), 0, HEIGHT, new Color(0xe2ddd5)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0, 0, 0, 28));
            g.fill(new Ellipse2D.Double(WIDTH * 0.2, HEIGHT * 0.9, WIDTH * 0.6, HEIGHT * 0.05));

            // Garments are drawn in a 100 x 125 box; the close-up magnifies the upper middle.
            AffineTransform unit = new AffineTransform();
            if (view == 2) {
                unit.translate(-WIDTH * 0.5, -HEIGHT * 0.15);
                unit.scale(32, 32);
            } else {
                unit.scale(16, 16);
            }
            Shape body = unit.createTransformedShape(silhouette(garmentType));
            g.setPaint(
                    new GradientPaint(0, 0, cloth.brighter(), WIDTH, HEIGHT, darker(cloth, 0.75)));
            g.fill(body);
            g.setColor(darker(cloth, 0.6));
            g.setStroke(new BasicStroke(view == 2 ? 10 : 6));
            g.draw(body);
            g.setStroke(
                    new BasicStroke(
                            view == 2 ? 5 : 3,
                            BasicStroke.CAP_ROUND,
                            BasicStroke.JOIN_ROUND,
                            1,
                            new float[] {14, 10},
                            0));
            g.draw(unit.createTransformedShape(details(garmentType, view == 1)));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Color darker(Color c, double factor) {
        return new Color(
                (int) (c.getRed() * factor),
                (int) (c.getGreen() * factor),
                (int) (c.getBlue() * factor));
    }

    static Shape silhouette(String garmentType) {
        Path2D p = new Path2D.Double();
        switch (kind(garmentType)) {
            case "top" -> {
                boolean longSleeves =
                        !garmentType.toLowerCase(Locale.ROOT).contains("t-shirt")
                                && !garmentType.toLowerCase(Locale.ROOT).contains("tshirt");
                double cuffY = longSleeves ? 78 : 48;
                p.moveTo(40, 18);
                p.quadTo(50, 26, 60, 18);
                p.lineTo(78, 24);
                p.lineTo(longSleeves ? 90 : 92, cuffY);
                p.lineTo(longSleeves ? 80 : 80, cuffY + 4);
                p.lineTo(74, 44);
                p.lineTo(75, garmentType.contains("kurta") ? 112 : 100);
                p.lineTo(25, garmentType.contains("kurta") ? 112 : 100);
                p.lineTo(26, 44);
                p.lineTo(20, cuffY + 4);
                p.lineTo(10, cuffY);
                p.lineTo(22, 24);
                p.closePath();
            }
            case "bottom" -> {
                boolean shorts = garmentType.toLowerCase(Locale.ROOT).contains("short");
                double hem = shorts ? 62 : 112;
                p.moveTo(28, 14);
                p.lineTo(72, 14);
                p.lineTo(76, hem);
                p.lineTo(55, hem);
                p.lineTo(50, 40);
                p.lineTo(45, hem);
                p.lineTo(24, hem);
                p.closePath();
            }
            case "skirt" -> {
                p.moveTo(34, 20);
                p.lineTo(66, 20);
                p.quadTo(78, 70, 84, 96);
                p.quadTo(50, 104, 16, 96);
                p.quadTo(22, 70, 34, 20);
                p.closePath();
            }
            default -> { // dress
                p.moveTo(40, 12);
                p.quadTo(50, 20, 60, 12);
                p.lineTo(68, 16);
                p.lineTo(66, 44);
                p.quadTo(80, 90, 86, 114);
                p.quadTo(50, 120, 14, 114);
                p.quadTo(20, 90, 34, 44);
                p.lineTo(32, 16);
                p.closePath();
            }
        }
        return p;
    }

    /** Seams, plackets, pockets: dashed lines that make the type recognisable. */
    static Shape details(String garmentType, boolean back) {
        Path2D p = new Path2D.Double();
        switch (kind(garmentType)) {
            case "top" -> {
                String t = garmentType.toLowerCase(Locale.ROOT);
                boolean placket =
                        (t.contains("shirt") && !t.contains("t-shirt"))
                                || t.contains("jacket")
                                || t.contains("kurta");
                if (!back && placket) {
                    p.moveTo(50, 24);
                    p.lineTo(50, 98);
                    for (int y = 32; y < 96; y += 12) {
                        p.append(new Ellipse2D.Double(51.5, y, 1.6, 1.6), false);
                    }
                }
                p.moveTo(26, 44);
                p.lineTo(22, 24);
                p.moveTo(74, 44);
                p.lineTo(78, 24);
                if (back) {
                    p.moveTo(30, 30);
                    p.quadTo(50, 36, 70, 30);
                }
            }
            case "bottom" -> {
                p.moveTo(28, 22);
                p.lineTo(72, 22);
                if (!back) {
                    p.moveTo(50, 22);
                    p.lineTo(50, 38);
                    p.moveTo(30, 24);
                    p.quadTo(38, 32, 40, 24);
                    p.moveTo(70, 24);
                    p.quadTo(62, 32, 60, 24);
                } else {
                    p.append(new Rectangle2D.Double(32, 28, 12, 12), false);
                    p.append(new Rectangle2D.Double(56, 28, 12, 12), false);
                }
            }
            case "skirt" -> {
                p.moveTo(34, 27);
                p.lineTo(66, 27);
                for (int x = 30; x <= 70; x += 10) {
                    p.moveTo(x + (x - 50) * 0.1, 30);
                    p.lineTo(x + (x - 50) * 0.6, 96);
                }
            }
            default -> {
                p.moveTo(34, 44);
                p.quadTo(50, back ? 40 : 48, 66, 44);
            }
        }
        return p;
    }

    /** Groups garment types by the silhouette they share. */
    static String kind(String garmentType) {
        String t = garmentType == null ? "" : garmentType.toLowerCase(Locale.ROOT);
        if (t.contains("jean")
                || t.contains("trouser")
                || t.contains("short")
                || t.contains("chino")) {
            return "bottom";
        }
        if (t.contains("skirt")) {
            return "skirt";
        }
        if (t.contains("dress")) {
            return "dress";
        }
        return "top";
    }
}
