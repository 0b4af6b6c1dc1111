package dev.selvedge.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One body or garment measurement of one size, in centimetres. */
@Embeddable
public class SizeMeasurement implements Serializable {

    private static final BigDecimal CM_PER_INCH = new BigDecimal("2.54");

    @Column(name = "size_label")
    private String sizeLabel;

    @Column(name = "size_position")
    private int sizePosition;

    private String measure;

    private BigDecimal cm;

    protected SizeMeasurement() {}

    SizeMeasurement(Size size, String measure, BigDecimal cm) {
        if (cm == null || cm.signum() <= 0) {
            throw new IllegalArgumentException("A measurement is a positive number of centimetres");
        }
        this.sizeLabel = size.label();
        this.sizePosition = size.position();
        this.measure = measure;
        this.cm = cm;
    }

    public static BigDecimal toInches(BigDecimal cm) {
        return cm.divide(CM_PER_INCH, 1, RoundingMode.HALF_UP);
    }

    public String getSizeLabel() {
        return sizeLabel;
    }

    public int getSizePosition() {
        return sizePosition;
    }

    public String getMeasure() {
        return measure;
    }

    public BigDecimal getCm() {
        return cm;
    }
}
