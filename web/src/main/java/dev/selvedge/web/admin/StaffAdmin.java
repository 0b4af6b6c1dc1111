package dev.selvedge.web.admin;

import dev.selvedge.account.Role;
import dev.selvedge.account.StaffDirectory;
import dev.selvedge.account.StaffRefused;
import dev.selvedge.inventory.InventoryService;
import dev.selvedge.inventory.Location;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Staff page (ADMIN only): who works in the back office, their roles and locations; add a
 * member (they are emailed a link to choose their password) or change one's roles and locations.
 */
@Named
@ViewScoped
public class StaffAdmin implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject private transient StaffDirectory directory;
    @Inject private transient InventoryService inventory;

    private String email;
    private String fullName;
    private List<String> roles = new ArrayList<>();
    private List<String> locations = new ArrayList<>();
    private String editing;

    public List<StaffDirectory.Member> getMembers() {
        return directory.list();
    }

    /** The staff roles an admin can give. */
    public List<Role> getRoleChoices() {
        return Arrays.stream(Role.values()).filter(Role::isStaff).toList();
    }

    public List<Location> getLocationChoices() {
        return inventory.locations();
    }

    /** A location's online service as the page edits it. */
    public static final class LocationRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final String label;
        private boolean shipsOnline;
        private int holdDays;

        LocationRow(Location l) {
            code = l.getCode();
            label =
                    l.getCode()
                            + " · "
                            + l.getName()
                            + " ("
                            + l.getKind().name().toLowerCase()
                            + ")";
            shipsOnline = l.isShipsOnline();
            holdDays = l.getPickupHoldDays();
        }

        public String getCode() {
            return code;
        }

        public String getLabel() {
            return label;
        }

        public boolean isShipsOnline() {
            return shipsOnline;
        }

        public void setShipsOnline(boolean shipsOnline) {
            this.shipsOnline = shipsOnline;
        }

        public int getHoldDays() {
            return holdDays;
        }

        public void setHoldDays(int holdDays) {
            this.holdDays = holdDays;
        }
    }

    private List<LocationRow> locationRows;

    public List<LocationRow> getLocationRows() {
        if (locationRows == null) {
            locationRows = inventory.locations().stream().map(LocationRow::new).toList();
        }
        return locationRows;
    }

    /** Saves how a location serves online orders (the row's values as edited). */
    public void saveLocation(LocationRow row) {
        try {
            inventory.setOnlineService(row.getCode(), row.isShipsOnline(), row.getHoldDays());
            Messages.info(
                    "Saved",
                    row.getCode()
                            + (row.isShipsOnline()
                                    ? " ships to shoppers"
                                    : " serves click and collect only")
                            + "; holds parcels "
                            + row.getHoldDays()
                            + " days.");
        } catch (IllegalArgumentException e) {
            Messages.error("Not saved", e.getMessage());
        } catch (jakarta.ejb.EJBException e) {
            Messages.error("Not saved", (e.getCause() == null ? e : e.getCause()).getMessage());
        }
    }

    public void add() {
        try {
            directory.add(email, fullName, roles(), Set.copyOf(locations));
            Messages.info("Added", email + " is emailed a link to choose a password.");
            email = null;
            fullName = null;
            roles = new ArrayList<>();
            locations = new ArrayList<>();
        } catch (StaffRefused e) {
            Messages.error("Not added", e.getMessage());
        } catch (jakarta.ejb.EJBException e) {
            // Two admins adding the same email at once: the database's unique email refuses one.
            Messages.error(
                    "Not added", email + " could not be added; it may have just been added.");
        }
    }

    public void edit(StaffDirectory.Member member) {
        editing = member.email();
        roles = new ArrayList<>(member.roles().stream().map(Role::name).toList());
        locations = new ArrayList<>(member.locations());
    }

    public void save() {
        try {
            directory.change(editing, roles(), Set.copyOf(locations));
            Messages.info("Saved", editing + " has the new roles and locations.");
            cancel();
        } catch (StaffRefused e) {
            Messages.error("Not saved", e.getMessage());
        }
    }

    public void cancel() {
        editing = null;
        roles = new ArrayList<>();
        locations = new ArrayList<>();
    }

    private Set<Role> roles() {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        for (String r : new LinkedHashSet<>(roles)) {
            Arrays.stream(Role.values())
                    .filter(v -> v.name().equals(r))
                    .findFirst()
                    .ifPresent(chosen::add);
        }
        return chosen;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
    }

    public List<String> getLocations() {
        return locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations == null ? new ArrayList<>() : locations;
    }

    public String getEditing() {
        return editing;
    }
}
