package dev.selvedge.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** A garment size label ("M", "32", "UK 8") with its place in the size run, for ordering. */
@Embeddable
public class Size implements Serializable {

    @Column(name = "size_label")
    private String label;

    @Column(name = "size_position")
    private int position;

    protected Size() {}

    public Size(String label, int position) {
        if (label == null || label.isBlank() || label.length() > 16) {
            throw new IllegalArgumentException("A size label has 1 to 16 characters");
        }
        this.label = label;
        this.position = position;
    }

    public String label() {
        return label;
    }

    public int position() {
        return position;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Size s && s.label.equals(label);
    }

    @Override
    public int hashCode() {
        return label.hashCode();
    }
}
