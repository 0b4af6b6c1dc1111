package dev.selvedge.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

/** A picture of a product in one colour; its derivatives are made by the media pipeline. */
@Entity
@jakarta.persistence.Table(name = "product_image")
public class ProductImage {

    @Id
    @SequenceGenerator(
            name = "product_image_seq",
            sequenceName = "product_image_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_image_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    private Product product;

    @Column(name = "colour_name")
    private String colourName;

    private int position;
    private String source;

    @Column(name = "alt_text")
    private String altText;

    protected ProductImage() {}

    ProductImage(Product product, String colourName, int position, String source, String altText) {
        this.product = product;
        this.colourName = colourName;
        this.position = position;
        this.source = source;
        this.altText = altText;
    }

    public Long getId() {
        return id;
    }

    public String getColourName() {
        return colourName;
    }

    public int getPosition() {
        return position;
    }

    public String getSource() {
        return source;
    }

    public String getAltText() {
        return altText;
    }
}
