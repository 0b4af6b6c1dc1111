package dev.selvedge.it;

import jakarta.jms.ConnectionFactory;

/**
 * A connection factory for the test server's OpenMQ broker, made with the client that ships with
 * Payara (on the test class path, not a compile dependency: hence the reflection).
 */
public final class Broker {

    private Broker() {}

    /** The test store's broker user and password, made by test.sh (guest is off). */
    static String storeUser() {
        return System.getenv("IT_JMS_USER");
    }

    static String storePassword() {
        return System.getenv("IT_JMS_PASSWORD");
    }

    static ConnectionFactory connect() throws ReflectiveOperationException {
        return connect(Integer.getInteger("it.jms.port"));
    }

    /** A factory for the broker on this machine's {@code port}. */
    public static ConnectionFactory connect(int port) throws ReflectiveOperationException {
        Object factory =
                Class.forName("com.sun.messaging.ConnectionFactory").getConstructor().newInstance();
        factory.getClass()
                .getMethod("setProperty", String.class, String.class)
                .invoke(factory, "imqAddressList", "localhost:" + port);
        return (ConnectionFactory) factory;
    }
}
