package dev.selvedge.web.shop;

import dev.selvedge.ordering.Cart;
import dev.selvedge.ordering.CartOwner;
import dev.selvedge.ordering.CartService;
import dev.selvedge.shared.InvalidFields;
import dev.selvedge.shared.Rejected;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;

/**
 * The bag page ({@code /bag.xhtml}) and the bag count in the header. Each line is its own small
 * form that posts its SKU with the quantity and size chosen, so a line changed in another tab
 * meanwhile cannot make this form change the wrong line.
 */
@Named
@RequestScoped
public class BagPage {

    @Inject private BagCookie bags;
    @EJB private CartService carts;

    private Cart cart;
    private final Map<String, String> lineErrors = new HashMap<>();
    private final Map<String, String> typed = new HashMap<>();

    public Cart getCart() {
        if (cart == null) {
            cart =
                    bags.owner(Faces.getRequest())
                            .map(carts::cart)
                            .orElse(new Cart(List.of(), null));
        }
        return cart;
    }

    /** Pieces in the bag, for the header (no full read of the bag for that). */
    public int getCount() {
        if (cart != null) {
            return cart.count();
        }
        return bags.count(Faces.getRequest());
    }

    public boolean isSessionEnded() {
        return bags.sessionEnded(Faces.getRequest());
    }

    /** The line's quantity and size as chosen in its form. */
    public String update() {
        String sku = Faces.getRequestParameter("sku");
        String size = Faces.getRequestParameter("size");
        Integer quantity = parseQuantity(Faces.getRequestParameter("quantity"));
        CartOwner owner = bags.ownerForChange(Faces.getRequest(), Faces.getResponse());
        try {
            String current = sku;
            if (size != null && !size.equals(sku)) {
                carts.changeSku(owner, sku, size);
                current = size;
            }
            carts.setQuantity(owner, current, quantity);
        } catch (InvalidFields e) {
            refused(sku, String.join(" ", e.fields().values()));
            return null;
        } catch (Rejected e) {
            refused(sku, e.getMessage());
            return null;
        }
        return "/bag.xhtml?faces-redirect=true";
    }

    public String remove() {
        carts.remove(
                bags.ownerForChange(Faces.getRequest(), Faces.getResponse()),
                Faces.getRequestParameter("sku"));
        return "/bag.xhtml?faces-redirect=true";
    }

    /** What was typed into a refused line stays, beside the reason. */
    private void refused(String sku, String message) {
        lineErrors.put(sku, message);
        typed.put(sku, Faces.getRequestParameter("quantity"));
    }

    public String quantityShown(Cart.Line line) {
        return typed.getOrDefault(line.item().sku(), String.valueOf(line.quantity()));
    }

    public String lineError(String sku) {
        return lineErrors.get(sku);
    }

    private static Integer parseQuantity(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
