package dev.selvedge.ordering;

/**
 * Whose bag: a signed-in shopper's account, or a guest known by the random token in their bag
 * cookie (only its SHA-256 is stored, so a database leak does not hand out bags).
 */
public sealed interface CartOwner {

    record Account(long accountId) implements CartOwner {}

    record Guest(String token) implements CartOwner {
        public Guest {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("A guest bag needs its token");
            }
        }
    }
}
