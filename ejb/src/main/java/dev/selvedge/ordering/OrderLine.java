package dev.selvedge.ordering;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One SKU of an order, priced as it was sold. */
@Entity
@Table(name = "order_line")
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private CustomerOrder order;

    private String sku;
    private String name;
    private String size;
    private String colour;
    private int quantity;

    @Column(name = "unit_minor")
    private long unitMinor;

    @Column(name = "line_minor")
    private long lineMinor;

    @Column(name = "tax_rate")
    private int taxRate;

    @Column(name = "tax_minor")
    private long taxMinor;

    protected OrderLine() {}

    OrderLine(CustomerOrder order, dev.selvedge.pricing.Quote.Line line) {
        this.order = order;
        this.sku = line.sku();
        this.name = line.name();
        this.size = line.size();
        this.colour = line.colour();
        this.quantity = line.quantity();
        this.unitMinor = line.unitMinor();
        this.lineMinor = line.lineMinor();
        this.taxRate = line.taxRatePercent();
        this.taxMinor = line.taxIncludedMinor();
    }

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public String getSize() {
        return size;
    }

    public String getColour() {
        return colour;
    }

    public int getQuantity() {
        return quantity;
    }

    public long getUnitMinor() {
        return unitMinor;
    }

    public int getTaxRate() {
        return taxRate;
    }

    public long getLineMinor() {
        return lineMinor;
    }
}
