package dev.selvedge.notification;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import com.github.mustachejava.MustacheNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The texts of emails and messages, as Mustache templates under {@code notifications/} on the class
 * path: {@code <name>.email.mustache} (its first line "Subject: ...") and {@code
 * <name>.text.mustache} for SMS and WhatsApp. Plain text: nothing is escaped as HTML.
 */
@ApplicationScoped
public class MessageTemplates {

    /** A message made from a template. */
    public record Rendered(String subject, String body) {}

    private final MustacheFactory factory =
            new DefaultMustacheFactory("notifications") {
                @Override
                public void encode(String value, Writer writer) {
                    try {
                        writer.write(value);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };

    /** Whether a template of this name and kind ("email" or "text") exists. */
    public boolean has(String name, String kind) {
        try {
            factory.compile(name + "." + kind + ".mustache");
            return true;
        } catch (MustacheNotFoundException e) {
            return false;
        }
    }

    /** The email of this name: subject from its first line, then the body. */
    public Rendered email(String name, Object values) {
        String text = render(name + ".email.mustache", values);
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (!first.startsWith("Subject: ")) {
            throw new IllegalStateException(name + ".email.mustache does not start with Subject:");
        }
        return new Rendered(first.substring(9).strip(), end < 0 ? "" : text.substring(end + 1));
    }

    /** The short text (SMS, WhatsApp) of this name. */
    public String text(String name, Object values) {
        return render(name + ".text.mustache", values).strip();
    }

    private String render(String file, Object values) {
        Mustache template = factory.compile(file); // Compiled once, then kept by the factory.
        StringWriter out = new StringWriter();
        template.execute(out, values);
        return out.toString();
    }
}
