package dev.selvedge.web.shop;

import dev.selvedge.catalog.ProductImages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves product pictures at {@code /media/<image id>/<width>.jpg}. A picture never changes under
 * its URL, so browsers and CDNs may keep it for a year; the ETag answers revalidation with 304.
 */
@WebServlet("/media/*")
public class MediaServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})/(\\d{3,4})\\.jpg");

    @Inject private ProductImages images;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Matcher m = PATH.matcher(String.valueOf(request.getPathInfo()));
        if (!m.matches()) {
            response.sendError(404);
            return;
        }
        int width = Integer.parseInt(m.group(2));
        if (!ProductImages.WIDTHS.contains(width)) {
            response.sendError(404);
            return;
        }
        Optional<Path> file = images.derivative(Long.parseLong(m.group(1)), width);
        if (file.isEmpty()) {
            response.sendError(404);
            return;
        }
        String etag = "\"" + m.group(1) + "-" + width + "-" + Files.size(file.get()) + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("image/jpeg");
        response.setContentLengthLong(Files.size(file.get()));
        Files.copy(file.get(), response.getOutputStream());
    }
}
