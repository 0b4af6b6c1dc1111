package dev.selvedge.account;

import java.time.Duration;
import java.util.Set;

/** The outcome of a sign-in attempt. */
public sealed interface SignIn {

    /**
     * The password matched: who signed in, with which roles, and the device token this browser
     * keeps from now on (its own budget of failed attempts next time).
     */
    record Accepted(String email, Set<Role> roles, String deviceToken) implements SignIn {}

    /** Unknown email or wrong password: the same answer for both. */
    record Refused() implements SignIn {}

    /** The password matched but the address was never confirmed; a new link was sent. */
    record Unverified() implements SignIn {}

    /** Too many failures for this email or from this address; try again after the wait. */
    record Throttled(Duration retryAfter) implements SignIn {}
}
