package dev.selvedge.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;

/** A place that holds stock: a store or a warehouse, known by its code ("BLR-01"). */
@Entity
@NamedQuery(name = "Location.all", query = "SELECT l FROM Location l ORDER BY l.code")
@NamedQuery(name = "Location.findByCode", query = "SELECT l FROM Location l WHERE l.code = :code")
public class Location {

    @Id
    @SequenceGenerator(name = "location_seq", sequenceName = "location_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "location_seq")
    private Long id;

    private String code;
    private String name;

    @Enumerated(EnumType.STRING)
    private LocationKind kind;

    /** Whether its stock can be sold online (shipped from here or collected here). */
    @Column(name = "fulfils_online")
    private boolean fulfilsOnline;

    @Column(name = "safety_stock")
    private int safetyStock;

    /**
     * Whether it sends parcels to shoppers; a store that does not only serves click and collect.
     */
    @Column(name = "ships_online")
    private boolean shipsOnline = true;

    /** How many days it keeps a click and collect order for its shopper. */
    @Column(name = "pickup_hold_days")
    private int pickupHoldDays = 7;

    /** When the store's POS feed was last heard; written by the POS event service. */
    @Column(name = "last_heard_at", insertable = false, updatable = false)
    private java.time.Instant lastHeardAt;

    /** Since when its feed has been silent past the limit (see StoreFeeds); null while heard. */
    @Column(name = "silent_since", insertable = false, updatable = false)
    private java.time.Instant silentSince;

    protected Location() {}

    public Location(String code, String name, LocationKind kind, boolean fulfilsOnline) {
        if (code == null || !code.matches("[A-Z0-9][A-Z0-9-]{1,19}")) {
            throw new IllegalArgumentException(
                    "A location code is 2 to 20 upper-case letters, digits or '-'");
        }
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.fulfilsOnline = fulfilsOnline;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public LocationKind getKind() {
        return kind;
    }

    void serveOnline(boolean shipsOnline, int pickupHoldDays) {
        this.shipsOnline = shipsOnline;
        this.pickupHoldDays = pickupHoldDays;
    }

    public boolean isShipsOnline() {
        return shipsOnline;
    }

    public int getPickupHoldDays() {
        return pickupHoldDays;
    }

    public int getSafetyStock() {
        return safetyStock;
    }

    public java.time.Instant getLastHeardAt() {
        return lastHeardAt;
    }

    public java.time.Instant getSilentSince() {
        return silentSince;
    }

    public boolean isFulfilsOnline() {
        return fulfilsOnline;
    }
}
