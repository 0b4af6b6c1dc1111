package dev.selvedge.web.api;

import dev.selvedge.ordering.Cart;
import dev.selvedge.ordering.CartOwner;
import dev.selvedge.ordering.CartService;
import dev.selvedge.pricing.Quote;
import dev.selvedge.web.shop.BagCookie;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/v1/cart}: the shopper's bag, for the product page's "Add to bag" and the mobile app.
 * The bag is the signed-in account's, or the guest's found by the {@code bag} cookie (made at the
 * first add). Writes take JSON only, so another site's form cannot post here (and the cookies are
 * SameSite=Lax). Prices are the server's.
 */
@ApplicationScoped
@Path("/cart")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public class CartResource {

    public record LineRequest(String sku, Integer quantity) {}

    public record QuantityRequest(Integer quantity) {}

    public record LineJson(
            String sku,
            String product,
            String brand,
            String name,
            String colour,
            String size,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal lineTotal,
            int available,
            String problem) {}

    public record CartJson(
            int count,
            boolean buyable,
            List<LineJson> lines,
            BigDecimal items,
            BigDecimal shipping,
            BigDecimal tax,
            BigDecimal total,
            String currency) {}

    @EJB private CartService carts;
    @Inject private BagCookie bags;
    @Context private HttpServletRequest request;
    @Context private HttpServletResponse response;

    @GET
    @Operation(summary = "The shopper's bag, priced by the server, with live availability")
    public CartJson cart() {
        return bags.owner(request).map(carts::cart).map(CartResource::json).orElse(json(null));
    }

    @POST
    @Path("/lines")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Put pieces of a SKU in the bag",
            description =
                    "400 invalid-fields when no size is chosen, the quantity is not 1 to 10, or more"
                            + " than can be sold is asked for; 404 for an unknown SKU.")
    public CartJson add(LineRequest line) {
        CartOwner owner = bags.ownerForChange(request, response);
        carts.add(owner, line == null ? null : line.sku(), line == null ? null : line.quantity());
        return json(carts.cart(owner));
    }

    @PUT
    @Path("/lines/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set how many of a line")
    public CartJson quantity(@PathParam("sku") String sku, QuantityRequest body) {
        CartOwner owner = bags.ownerForChange(request, response);
        carts.setQuantity(owner, sku, body == null ? null : body.quantity());
        return json(carts.cart(owner));
    }

    @DELETE
    @Path("/lines/{sku}")
    @Operation(summary = "Take a line out of the bag")
    public CartJson remove(@PathParam("sku") String sku) {
        CartOwner owner = bags.ownerForChange(request, response);
        carts.remove(owner, sku);
        return json(carts.cart(owner));
    }

    private static CartJson json(Cart cart) {
        if (cart == null || cart.isEmpty()) {
            return new CartJson(0, false, List.of(), null, null, null, null, "INR");
        }
        Quote q = cart.quote();
        return new CartJson(
                cart.count(),
                cart.isBuyable(),
                cart.lines().stream()
                        .map(
                                l ->
                                        new LineJson(
                                                l.item().sku(),
                                                l.item().productSlug(),
                                                l.item().brand(),
                                                l.item().name(),
                                                l.item().colour(),
                                                l.item().size(),
                                                l.quantity(),
                                                rupees(l.item().unitMinor()),
                                                rupees(l.lineMinor()),
                                                l.item().available(),
                                                l.problem()))
                        .toList(),
                rupees(q.itemsMinor()),
                rupees(q.shippingMinor()),
                rupees(q.taxIncludedMinor()),
                rupees(q.totalMinor()),
                q.currency());
    }

    private static BigDecimal rupees(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }
}
