package dev.selvedge.web.shop;

import dev.selvedge.catalog.CatalogService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The search box in the header: suggestions while typing, then the results page by GET. */
@Named
@RequestScoped
public class SearchBox {

    @Inject private CatalogService catalog;

    private String text;

    public List<String> complete(String typed) {
        return catalog.suggestions(typed);
    }

    public void go() throws IOException {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        String q = text == null ? "" : text.strip();
        context.redirect(
                context.getRequestContextPath()
                        + "/search?q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    public String getText() {
        if (text == null) {
            text =
                    FacesContext.getCurrentInstance()
                            .getExternalContext()
                            .getRequestParameterMap()
                            .get("q");
        }
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
