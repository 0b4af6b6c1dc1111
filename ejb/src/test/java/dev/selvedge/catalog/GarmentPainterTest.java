package dev.selvedge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class GarmentPainterTest {

    @Test
    void paintsTheGarmentInItsColourAtPhotoSize() {
        BufferedImage navy = GarmentPainter.paint("shirt", 0x1f2a44, 0);
        BufferedImage rust = GarmentPainter.paint("shirt", 0xa4492a, 0);
        assertThat(navy.getWidth()).isEqualTo(1600);
        assertThat(navy.getHeight()).isEqualTo(2000);
        // The middle of the chest is cloth: close to the colour asked for, and not the backdrop.
        int centre = navy.getRGB(800, 900);
        int rustCentre = rust.getRGB(800, 900);
        assertThat(centre).isNotEqualTo(rustCentre);
        assertThat(red(rustCentre)).isGreaterThan(blue(rustCentre) + 40);
        assertThat(blue(centre)).isGreaterThan(red(centre));
    }

    @Test
    void drawsDifferentSilhouettesForDifferentGarments() {
        BufferedImage jeans = GarmentPainter.paint("jeans", 0x2e3a87, 0);
        BufferedImage dress = GarmentPainter.paint("dress", 0x2e3a87, 0);
        // Between the legs of the jeans is backdrop; a dress is cloth there.
        assertThat(jeans.getRGB(800, 1700)).isNotEqualTo(dress.getRGB(800, 1700));
        assertThat(GarmentPainter.kind("T-Shirt")).isEqualTo("top");
        assertThat(GarmentPainter.kind("shorts")).isEqualTo("bottom");
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xff;
    }

    private static int blue(int rgb) {
        return rgb & 0xff;
    }
}
