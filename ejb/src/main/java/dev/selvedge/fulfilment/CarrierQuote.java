package dev.selvedge.fulfilment;

/** One way to send a parcel: the courier, its price in minor units and the days it takes. */
public record CarrierQuote(String courier, long priceMinor, String currency, Integer days) {}
