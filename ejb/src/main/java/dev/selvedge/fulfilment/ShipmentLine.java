package dev.selvedge.fulfilment;

import dev.selvedge.ordering.OrderLine;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Units of one order line in one parcel, and how many of them were picked so far. */
@Entity
@Table(name = "shipment_line")
public class ShipmentLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "shipment_id")
    private Shipment shipment;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_line_id")
    private OrderLine orderLine;

    private int quantity;
    private int picked;

    protected ShipmentLine() {}

    ShipmentLine(Shipment shipment, OrderLine orderLine, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("A parcel line has at least one unit");
        }
        this.shipment = shipment;
        this.orderLine = orderLine;
        this.quantity = quantity;
    }

    void pickOne() {
        picked++;
    }

    /** The units not picked are not on the shelf: the line keeps only those picked. */
    void keepPicked() {
        quantity = picked;
    }

    public OrderLine getOrderLine() {
        return orderLine;
    }

    public int getQuantity() {
        return quantity;
    }

    public int getPicked() {
        return picked;
    }
}
