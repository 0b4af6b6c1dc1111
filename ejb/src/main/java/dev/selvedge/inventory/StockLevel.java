package dev.selvedge.inventory;

import dev.selvedge.catalog.Variant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** How many units of one SKU a location holds, and how many of those are promised to orders. */
@Entity
@Table(name = "stock_level")
public class StockLevel {

    @Id
    @SequenceGenerator(
            name = "stock_level_seq",
            sequenceName = "stock_level_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stock_level_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "variant_id")
    private Variant variant;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "location_id")
    private Location location;

    @Column(name = "on_hand")
    private int onHand;

    private int reserved;

    protected StockLevel() {}

    public StockLevel(Variant variant, Location location, int onHand) {
        if (onHand < 0) {
            throw new IllegalArgumentException("Stock on hand cannot be negative");
        }
        this.variant = variant;
        this.location = location;
        this.onHand = onHand;
    }

    /** Units that can still be promised: on hand less reserved, never below zero. */
    public int available() {
        return Math.max(0, onHand - reserved);
    }

    public Location getLocation() {
        return location;
    }

    public int getOnHand() {
        return onHand;
    }

    public int getReserved() {
        return reserved;
    }
}
