package dev.selvedge.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Locale;

/** A named garment colour with the sRGB hex used for swatches and demo pictures. */
@Embeddable
public class Colour implements Serializable {

    @Column(name = "colour_name")
    private String name;

    @Column(name = "colour_hex")
    private String hex;

    protected Colour() {}

    public Colour(String name, String hex) {
        if (name == null || name.isBlank() || name.length() > 40) {
            throw new IllegalArgumentException("A colour needs a name of 1 to 40 characters");
        }
        if (hex == null || !hex.toLowerCase(Locale.ROOT).matches("#[0-9a-f]{6}")) {
            throw new IllegalArgumentException("A colour hex looks like #1a2b3c: " + hex);
        }
        this.name = name;
        this.hex = hex.toLowerCase(Locale.ROOT);
    }

    public String name() {
        return name;
    }

    public String hex() {
        return hex;
    }

    public int rgb() {
        return Integer.parseInt(hex.substring(1), 16);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Colour c && c.name.equals(name) && c.hex.equals(hex);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + hex.hashCode();
    }
}
