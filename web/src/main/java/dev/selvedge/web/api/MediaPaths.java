package dev.selvedge.web.api;

import dev.selvedge.catalog.ProductImages;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the media servlet serves a picture at a width. */
public final class MediaPaths {

    private MediaPaths() {}

    public static String of(long imageId, int width) {
        return "/media/" + imageId + "/" + width + ".jpg";
    }

    public static Map<Integer, String> all(long imageId) {
        Map<Integer, String> all = new LinkedHashMap<>();
        ProductImages.WIDTHS.forEach(w -> all.put(w, of(imageId, w)));
        return all;
    }

    /** The {@code srcset} attribute value for a picture. */
    public static String srcset(long imageId) {
        StringBuilder set = new StringBuilder();
        for (int w : ProductImages.WIDTHS) {
            set.append(set.length() == 0 ? "" : ", ")
                    .append(of(imageId, w))
                    .append(' ')
                    .append(w)
                    .append('w');
        }
        return set.toString();
    }
}
