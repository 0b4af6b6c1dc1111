package dev.selvedge.inventory;

/** A till allowed to send events for one store. */
public record PosTerminal(long id, String terminalId, long locationId, String storeCode) {}
