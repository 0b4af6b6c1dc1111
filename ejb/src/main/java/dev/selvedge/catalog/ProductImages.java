package dev.selvedge.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The media pipeline: finds a picture's original (an uploaded file, or a demo picture drawn on
 * first request), derives the responsive widths once and keeps them on disk. Later requests read
 * the cached file.
 */
@ApplicationScoped
public class ProductImages {

    /** The widths offered in {@code srcset}; anything else is refused. */
    public static final List<Integer> WIDTHS = List.of(320, 640, 1024, 1600);

    @Inject private CatalogService catalog;

    @Inject
    @ConfigProperty(name = "selvedge.media.dir")
    private Optional<String> mediaDir;

    /** The cached JPEG of an image at a width; empty when there is no such image. */
    public Optional<Path> derivative(long imageId, int width) {
        if (!WIDTHS.contains(width)) {
            throw new IllegalArgumentException("Image width must be one of " + WIDTHS);
        }
        Path target = root().resolve("derived").resolve(imageId + "-" + width + ".jpg");
        if (Files.exists(target)) {
            return Optional.of(target);
        }
        return catalog.imageSource(imageId).map(source -> derive(source, width, target));
    }

    private Path derive(String source, int width, Path target) {
        try {
            BufferedImage original = original(source);
            int height = Math.round((float) original.getHeight() * width / original.getWidth());
            writeJpeg(scale(original, width, height), target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not derive " + target.getFileName(), e);
        }
    }

    private BufferedImage original(String source) throws IOException {
        if (source.startsWith("generated:")) {
            String[] parts = source.split(":");
            return GarmentPainter.paint(
                    parts[1],
                    Integer.parseInt(parts[2].substring(1), 16),
                    Integer.parseInt(parts[3]));
        }
        if (source.startsWith("file:")) {
            Path file =
                    root().resolve("originals").resolve(Path.of(source.substring(5)).getFileName());
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IOException("Not a readable image: " + file);
            }
            return image;
        }
        throw new IllegalStateException("Unknown image source " + source);
    }

    /** Halves the size step by step before the last resize: sharper than one bilinear jump. */
    static BufferedImage scale(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        while (current.getWidth() / 2 >= width) {
            current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == width ? current : resize(current, width, height);
    }

    private static BufferedImage resize(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Writes to a temporary file first, so that a reader never sees half a picture. */
    private static void writeJpeg(BufferedImage image, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "part-", ".jpg");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(temp.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        Files.move(
                temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path root() {
        return Path.of(
                mediaDir.orElseGet(
                        () ->
                                System.getProperty(
                                                "com.sun.aas.instanceRoot",
                                                System.getProperty("java.io.tmpdir"))
                                        + "/media"));
    }
}
