package dev.selvedge.fulfilment;

import java.util.Arrays;
import java.util.Optional;

/** The shop's shipping boxes (outer size in cm), as packers choose them. */
public enum Box {
    POLY_S("Poly mailer S", 30, 25, 3),
    POLY_M("Poly mailer M", 40, 32, 5),
    BOX_S("Box S", 30, 22, 8),
    BOX_M("Box M", 38, 30, 12),
    BOX_L("Box L", 48, 38, 18);

    private final String label;
    private final int lengthCm;
    private final int breadthCm;
    private final int heightCm;

    Box(String label, int lengthCm, int breadthCm, int heightCm) {
        this.label = label;
        this.lengthCm = lengthCm;
        this.breadthCm = breadthCm;
        this.heightCm = heightCm;
    }

    public static Optional<Box> of(String name) {
        return Arrays.stream(values()).filter(b -> b.name().equals(name)).findFirst();
    }

    public String label() {
        return label;
    }

    public int lengthCm() {
        return lengthCm;
    }

    public int breadthCm() {
        return breadthCm;
    }

    public int heightCm() {
        return heightCm;
    }
}
