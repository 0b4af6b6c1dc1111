package dev.selvedge.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Config reads an empty {@code defaultValue} as no value at all, so such a property
 * stops the deployment wherever it is not set (it did for the payment keys, on the demo). Optional
 * settings are read with {@code Config.getOptionalValue} instead.
 */
class ConfigDefaultsTest {

    @Test
    void noConfigPropertyHasAnEmptyDefault() throws Exception {
        Path classes =
                Path.of(ConfigDefaultsTest.class.getResource("/META-INF/persistence.xml").toURI())
                        .getParent()
                        .getParent();
        List<String> names;
        try (Stream<Path> files = Files.walk(classes.resolve("dev/selvedge"))) {
            names =
                    files.filter(f -> f.toString().endsWith(".class"))
                            .map(f -> classes.relativize(f).toString())
                            .map(n -> n.substring(0, n.length() - 6).replace('/', '.'))
                            .toList();
        }
        assertThat(names).hasSizeGreaterThan(50);
        List<String> empty =
                names.stream()
                        .flatMap(ConfigDefaultsTest::fields)
                        .filter(f -> f.isAnnotationPresent(ConfigProperty.class))
                        .filter(f -> f.getAnnotation(ConfigProperty.class).defaultValue().isEmpty())
                        .map(f -> f.getDeclaringClass().getSimpleName() + "." + f.getName())
                        .toList();
        assertThat(empty).isEmpty();
    }

    private static Stream<Field> fields(String className) {
        try {
            return Stream.of(
                    Class.forName(className, false, ConfigDefaultsTest.class.getClassLoader())
                            .getDeclaredFields());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AssertionError("Cannot read " + className, e);
        }
    }
}
