package dev.selvedge.web.admin;

import dev.selvedge.fulfilment.Box;
import dev.selvedge.fulfilment.Carrier;
import dev.selvedge.fulfilment.Carriers;
import dev.selvedge.fulfilment.FulfilmentBoard;
import dev.selvedge.fulfilment.FulfilmentBoard.Row;
import dev.selvedge.fulfilment.FulfilmentBoard.Stage;
import dev.selvedge.fulfilment.FulfilmentRefused;
import dev.selvedge.fulfilment.FulfilmentService;
import dev.selvedge.fulfilment.ParcelView;
import dev.selvedge.fulfilment.ParkedMessages;
import dev.selvedge.fulfilment.ShipmentStatus;
import dev.selvedge.inventory.InventoryService;
import dev.selvedge.inventory.Location;
import dev.selvedge.ordering.IllegalMove;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The fulfilment page of a location: its parcels by stage (to pick, to book, to hand over,
 * problems, on the way), one page at a time from the database; the open parcel with scan to pick,
 * pack, booking retry, hand-over, label and packing slip; the parked order messages, with replay.
 */
@Named
@ViewScoped
public class FulfilmentAdmin implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject private transient FulfilmentBoard board;
    @Inject private transient FulfilmentService fulfilment;
    @Inject private transient ParkedMessages parked;
    @Inject private transient InventoryService inventory;
    @Inject private transient Carriers carriers;
    @Inject private transient dev.selvedge.account.StaffDirectory directory;
    @Inject private transient dev.selvedge.fulfilment.CarrierWebhooks webhooks;

    private String location;
    private Stage stage = Stage.TO_PICK;
    private Long openId;
    private String scan;
    private Integer weightGrams;
    private String box = Box.POLY_M.name();
    private String carrier;
    private boolean showReplayed;
    private String collectOrder;
    private String collectCode;

    private final LazyDataModel<Row> parcels =
            new LazyDataModel<>() {
                private static final long serialVersionUID = 1L;

                @Override
                public int count(Map<String, FilterMeta> filterBy) {
                    return location == null
                            ? 0
                            : board().count(location, stage, orderFilter(filterBy));
                }

                @Override
                public List<Row> load(
                        int first,
                        int pageSize,
                        Map<String, SortMeta> sortBy,
                        Map<String, FilterMeta> filterBy) {
                    if (location == null) {
                        return List.of();
                    }
                    Optional<SortMeta> sort = sortBy.values().stream().findFirst();
                    return board().parcels(
                                    location,
                                    stage,
                                    orderFilter(filterBy),
                                    first,
                                    pageSize,
                                    sort.map(SortMeta::getField).orElse("placedAt"),
                                    sort.map(s -> s.getOrder() != SortOrder.DESCENDING)
                                            .orElse(true));
                }

                @Override
                public String getRowKey(Row row) {
                    return String.valueOf(row.shipmentId());
                }
            };

    @PostConstruct
    void init() {
        Map<String, String> params =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        List<String> codes = getLocations().stream().map(Location::getCode).toList();
        location =
                Optional.ofNullable(params.get("location"))
                        .filter(codes::contains)
                        .orElse(codes.isEmpty() ? null : codes.get(0));
        stage =
                Arrays.stream(Stage.values())
                        .filter(s -> s.name().equals(params.get("stage")))
                        .findFirst()
                        .orElse(Stage.TO_PICK);
    }

    private FulfilmentBoard board() {
        return board;
    }

    private static String orderFilter(Map<String, FilterMeta> filterBy) {
        FilterMeta f = filterBy == null ? null : filterBy.get("orderNumber");
        Object value = f == null ? null : f.getFilterValue();
        String text = value == null ? "" : value.toString().strip();
        return text.length() > 40 ? text.substring(0, 40) : text;
    }

    /** Locations that send online orders and that this member of staff works at. */
    public List<Location> getLocations() {
        dev.selvedge.account.StaffScope scope = directory.scope(staff());
        return inventory.locations().stream()
                .filter(Location::isFulfilsOnline)
                .filter(l -> scope.worksAt(l.getCode()))
                .toList();
    }

    /** Parked order messages concern every location: an admin's to see and replay. */
    public boolean isAdmin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("ADMIN");
    }

    public LazyDataModel<Row> getParcels() {
        return parcels;
    }

    public Stage[] getStages() {
        return Stage.values();
    }

    public int count(Stage s) {
        return location == null ? 0 : board.count(location, s, "");
    }

    public String stageLabel(Stage s) {
        return switch (s) {
            case TO_PICK -> "To pick";
            case TO_BOOK -> "Packed, booking";
            case TO_HAND_OVER -> "To hand over";
            case COLLECTION -> "Click and collect";
            case PROBLEMS -> "Problems";
            case ON_THE_WAY -> "Sent / collected";
        };
    }

    public List<FulfilmentBoard.PickLine> getPickList() {
        return location == null ? List.of() : board.pickList(location);
    }

    public void open(Row row) {
        openId = row.shipmentId();
        scan = null;
        weightGrams = null;
    }

    public void close() {
        openId = null;
    }

    public ParcelView getOpen() {
        return openId == null ? null : fulfilment.parcel(openId).orElse(null);
    }

    public void pick() {
        act(
                () -> {
                    FulfilmentService.Picked p = fulfilment.pick(openId, scan, staff());
                    Messages.info(
                            "Picked " + p.sku(),
                            p.picked()
                                    + " of "
                                    + p.quantity()
                                    + (p.parcelComplete()
                                            ? ". Every unit is picked: weigh and pack it."
                                            : "."));
                });
        scan = null;
    }

    public void pack() {
        act(
                () -> {
                    fulfilment.pack(
                            openId, weightGrams == null ? 0 : weightGrams, box, carrier, staff());
                    Messages.info("Packed", "The carrier is being asked for its label.");
                });
    }

    /** The units of a SKU still to pick are not on the shelf. */
    public void notOnShelf(String sku) {
        act(
                () -> {
                    FulfilmentService.Reallocated r = fulfilment.notOnShelf(openId, sku, staff());
                    if (r.to() != null) {
                        Messages.info(
                                "Sent from " + r.to(),
                                r.units() + " × " + sku + " will be sent from " + r.to() + ".");
                    } else {
                        Messages.error(
                                "No other location has it",
                                r.units()
                                        + " × "
                                        + sku
                                        + ": the order is flagged under Parked messages; cancel it"
                                        + " on the Orders page, or replay once stock arrives.");
                    }
                });
    }

    public void bookAgain() {
        act(
                () -> {
                    fulfilment.bookAgain(openId, staff());
                    Messages.info("Booking again", "The carrier is asked once more.");
                });
    }

    public void handOver() {
        act(
                () -> {
                    fulfilment.handOver(openId, staff());
                    Messages.info("Handed over", "The shopper is told it has shipped.");
                });
    }

    /**
     * Click and collect, every unit picked: ready at this store, or sent to the shopper's store.
     */
    public void readyForPickup() {
        act(
                () -> {
                    ShipmentStatus now = fulfilment.readyForPickup(openId, staff());
                    Messages.info(
                            now == ShipmentStatus.READY_FOR_PICKUP
                                    ? "Ready for pickup"
                                    : "Sent to the store",
                            now == ShipmentStatus.READY_FOR_PICKUP
                                    ? "Put it on the collection shelf. The shopper is sent the pickup"
                                            + " code when every parcel of the order is ready."
                                    : "The store marks it received when it arrives.");
                });
    }

    /** A parcel for click and collect arrived from another location. */
    public void receivedAtStore() {
        act(
                () -> {
                    fulfilment.receivedAtStore(openId, staff());
                    Messages.info("Received", "Put it on the collection shelf.");
                });
    }

    /** The shopper came and showed the pickup code. */
    public void collect() {
        act(
                () -> {
                    String number = collectOrder == null ? "" : collectOrder.strip();
                    fulfilment.collect(number, collectCode, staff());
                    Messages.info("Collected", "Order " + number + " is the shopper's now.");
                    collectOrder = null;
                });
        collectCode = null;
    }

    public String getCollectOrder() {
        return collectOrder;
    }

    public void setCollectOrder(String collectOrder) {
        this.collectOrder = collectOrder;
    }

    public String getCollectCode() {
        return collectCode;
    }

    public void setCollectCode(String collectCode) {
        this.collectCode = collectCode;
    }

    public List<ParkedMessages.Parked> getParked() {
        return isAdmin() ? parked.list(!showReplayed, 100) : List.of();
    }

    /** Tracking messages refused (forged, an unknown AWB, not tracking): an admin's to look at. */
    public List<dev.selvedge.fulfilment.CarrierWebhooks.Refused> getRefusedTracking() {
        return isAdmin() ? webhooks.refused(100) : List.of();
    }

    public void replay(ParkedMessages.Parked message) {
        if (!isAdmin()) {
            Messages.error("Not replayed", "Only an admin replays parked messages.");
            return;
        }
        if (parked.replay(message.id(), staff())) {
            Messages.info("Replayed", "Message " + message.id() + " is on its queue again.");
        } else {
            Messages.error("Not replayed", "It was replayed before.");
        }
    }

    /** Carriers to choose from when packing, the shop's default first. */
    public List<Carrier> getCarriers() {
        return carriers.enabled();
    }

    public String getCarrier() {
        return carrier;
    }

    public void setCarrier(String carrier) {
        this.carrier = carrier;
    }

    public Box[] getBoxes() {
        return Box.values();
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (FulfilmentRefused | IllegalMove e) {
            Messages.error("Not done", e.getMessage());
        } catch (EJBException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            Messages.error("Not done", cause.getMessage());
        }
    }

    private static String staff() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
        openId = null;
    }

    public Stage getStage() {
        return stage;
    }

    public void setStage(Stage stage) {
        this.stage = stage;
        openId = null;
    }

    public String getScan() {
        return scan;
    }

    public void setScan(String scan) {
        this.scan = scan;
    }

    public Integer getWeightGrams() {
        return weightGrams;
    }

    public void setWeightGrams(Integer weightGrams) {
        this.weightGrams = weightGrams;
    }

    public String getBox() {
        return box;
    }

    public void setBox(String box) {
        this.box = box;
    }

    public boolean isShowReplayed() {
        return showReplayed;
    }

    public void setShowReplayed(boolean showReplayed) {
        this.showReplayed = showReplayed;
    }
}
