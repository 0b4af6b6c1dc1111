package dev.selvedge.web.shop;

import dev.selvedge.account.Account;
import dev.selvedge.account.AccountService;
import dev.selvedge.customer.Address;
import dev.selvedge.customer.AddressBook;
import dev.selvedge.customer.PostalAddress;
import dev.selvedge.fulfilment.ShopperOrders;
import dev.selvedge.shared.InvalidFields;
import dev.selvedge.shared.Rejected;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The signed-in shopper's account: orders, profile, saved addresses, password, sign-out. */
@Named
@RequestScoped
public class AccountPage {

    @EJB private AccountService accounts;

    @EJB private AddressBook addressBook;

    @EJB private ShopperOrders shopperOrders;

    private static final int ORDERS_PER_PAGE = 10;
    private List<ShopperOrders.Summary> orders;
    private int ordersPage;

    @Inject private BagCookie bags;

    private List<Address> addresses;
    private final Map<String, String> newAddress = new HashMap<>();
    private boolean newAddressDefault;

    private Account account;
    private String fullName;
    private String phone;
    private String currentPassword;
    private String newPassword;

    @PostConstruct
    void load() {
        String email = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        account = email == null ? null : accounts.find(email).orElse(null);
        if (account != null) {
            fullName = account.getFullName();
            phone = account.getPhone();
        }
    }

    public void saveProfile() {
        try {
            accounts.updateProfile(account.getEmail(), fullName, phone);
            AccountForms.formInfo("Your details are saved.");
        } catch (Rejected e) {
            AccountForms.fieldError(
                    e.getMessage().contains("phone") ? "profile:phone" : "profile:name",
                    e.getMessage());
        }
    }

    public void changePassword() {
        try {
            accounts.changePassword(account.getEmail(), currentPassword, newPassword);
            AccountForms.formInfo("Your password is changed.");
        } catch (Rejected e) {
            AccountForms.fieldError(
                    e.getMessage().contains("current") ? "password:current" : "password:new",
                    e.getMessage());
        }
    }

    /** "My orders": a page of ten, newest first ({@code ?orders=N} for older ones). */
    public List<ShopperOrders.Summary> getOrders() {
        if (orders == null && account != null) {
            String asked =
                    FacesContext.getCurrentInstance()
                            .getExternalContext()
                            .getRequestParameterMap()
                            .get("orders");
            ordersPage = asked != null && asked.matches("\\d{1,4}") ? Integer.parseInt(asked) : 0;
            // One more than shown tells whether there are older ones.
            orders = shopperOrders.listOf(account.getEmail(), ordersPage, ORDERS_PER_PAGE + 1);
        }
        return orders == null
                ? List.of()
                : orders.subList(0, Math.min(orders.size(), ORDERS_PER_PAGE));
    }

    public boolean isMoreOrders() {
        getOrders();
        return orders != null && orders.size() > ORDERS_PER_PAGE;
    }

    public int getOrdersPage() {
        getOrders();
        return ordersPage;
    }

    public List<Address> getAddresses() {
        if (addresses == null && account != null) {
            addresses = addressBook.of(account.getEmail());
        }
        return addresses;
    }

    /** The states and union territories, sorted, for the address form. */
    public List<String> getStates() {
        return PostalAddress.STATES.stream().sorted().toList();
    }

    public void addAddress() {
        try {
            addressBook.add(
                    account.getEmail(),
                    new PostalAddress(
                            newAddress.get("name"),
                            newAddress.get("line1"),
                            newAddress.get("line2"),
                            newAddress.get("city"),
                            newAddress.get("state"),
                            newAddress.get("postalCode"),
                            "IN",
                            newAddress.get("phone")),
                    newAddressDefault);
            newAddress.clear();
            addresses = null;
            AccountForms.formInfo("The address is saved.");
        } catch (InvalidFields e) {
            e.fields()
                    .forEach(
                            (field, message) ->
                                    AccountForms.fieldError("address:" + field, message));
        } catch (Rejected e) {
            AccountForms.formError(e.getMessage());
        }
    }

    public void makeDefault(long id) {
        addressBook.makeDefault(account.getEmail(), id);
        addresses = null;
    }

    public void removeAddress(long id) {
        addressBook.remove(account.getEmail(), id);
        addresses = null;
        AccountForms.formInfo("The address is removed.");
    }

    public Map<String, String> getNewAddress() {
        return newAddress;
    }

    public boolean isNewAddressDefault() {
        return newAddressDefault;
    }

    public void setNewAddressDefault(boolean newAddressDefault) {
        this.newAddressDefault = newAddressDefault;
    }

    public String signOut() throws ServletException {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) context.getRequest();
        request.logout();
        context.invalidateSession();
        bags.signedOut(request, (jakarta.servlet.http.HttpServletResponse) context.getResponse());
        return "/index.xhtml?faces-redirect=true";
    }

    public Account getAccount() {
        return account;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
