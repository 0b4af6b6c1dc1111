package dev.selvedge.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The carriers the shop has, and the one that books new parcels ({@code
 * selvedge.fulfilment.carrier}, the store's own riders unless another is configured and enabled).
 */
@ApplicationScoped
public class Carriers {

    @Inject @Any private Instance<Carrier> all;

    @Inject
    @ConfigProperty(name = "selvedge.fulfilment.carrier", defaultValue = ManualCarrier.ID)
    private String chosen;

    @Inject private Config config;

    /** The carriers switched on, the default first. */
    public List<Carrier> enabled() {
        Carrier first = forNewParcels();
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(first),
                        list().stream().filter(Carrier::enabled).filter(c -> c != first))
                .toList();
    }

    public List<Carrier> list() {
        return StreamSupport.stream(all.spliterator(), false).toList();
    }

    public Optional<Carrier> byId(String id) {
        return list().stream().filter(c -> c.id().equalsIgnoreCase(String.valueOf(id))).findFirst();
    }

    /** The carrier new parcels go with: the configured one when enabled, else own riders. */
    public Carrier forNewParcels() {
        return byId(chosen)
                .filter(Carrier::enabled)
                .orElseGet(() -> byId(ManualCarrier.ID).orElseThrow());
    }

    /**
     * A location as carriers know it: its pickup address nickname or warehouse name registered with
     * them ({@code selvedge.carrier.pickup.<CODE>}), the location's code unless configured.
     */
    public String pickupName(String locationCode) {
        return config.getOptionalValue("selvedge.carrier.pickup." + locationCode, String.class)
                .orElse(locationCode);
    }
}
