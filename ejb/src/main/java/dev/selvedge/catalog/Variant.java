package dev.selvedge.catalog;

import dev.selvedge.shared.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;

/** A SKU: one size in one colour of a product, with its barcode and price. */
@Entity
@NamedQuery(name = "Variant.findBySku", query = "SELECT v FROM Variant v WHERE v.sku = :sku")
@NamedQuery(
        name = "Variant.findByBarcode",
        query = "SELECT v FROM Variant v WHERE v.barcode.value = :barcode")
public class Variant {

    @Id
    @SequenceGenerator(name = "variant_seq", sequenceName = "variant_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "variant_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    private Product product;

    private String sku;

    @Embedded private Barcode barcode;
    @Embedded private Size size;
    @Embedded private Colour colour;
    @Embedded private Money price;

    @Embedded
    @AttributeOverride(name = "minorUnits", column = @Column(name = "sale_price_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "sale_currency"))
    private Money salePrice;

    /** Kept by the database from the stock levels (migration V2); never written from Java. */
    @Column(name = "available_online", insertable = false, updatable = false)
    private int availableOnline;

    protected Variant() {}

    Variant(Product product, String sku, Barcode barcode, Size size, Colour colour, Money price) {
        if (sku == null || !sku.matches("[A-Z0-9][A-Z0-9-]{2,39}")) {
            throw new IllegalArgumentException(
                    "A SKU is 3 to 40 upper-case letters, digits or '-': " + sku);
        }
        this.product = product;
        this.sku = sku;
        this.barcode = barcode;
        this.size = size;
        this.colour = colour;
        this.price = price;
    }

    /** Puts the variant on sale; a sale price must be below the regular price. */
    public void markDown(Money sale) {
        if (sale != null && sale.compareTo(price) >= 0) {
            throw new IllegalArgumentException("A sale price must be below the price " + price);
        }
        this.salePrice = sale;
    }

    /** What the shopper pays now. */
    public Money effectivePrice() {
        return salePrice != null ? salePrice : price;
    }

    public Long getId() {
        return id;
    }

    public Product getProduct() {
        return product;
    }

    public String getSku() {
        return sku;
    }

    public Barcode getBarcode() {
        return barcode;
    }

    public Size getSize() {
        return size;
    }

    public Colour getColour() {
        return colour;
    }

    public Money getPrice() {
        return price;
    }

    public int getAvailableOnline() {
        return availableOnline;
    }

    public Money getSalePrice() {
        return salePrice;
    }
}
