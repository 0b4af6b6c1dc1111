package dev.selvedge.catalog;

import dev.selvedge.shared.Slugs;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;

@Entity
@Cacheable
@NamedQuery(name = "Brand.all", query = "SELECT b FROM Brand b ORDER BY b.name")
@NamedQuery(name = "Brand.findBySlug", query = "SELECT b FROM Brand b WHERE b.slug = :slug")
@NamedQuery(name = "Brand.count", query = "SELECT COUNT(b) FROM Brand b")
public class Brand {

    @Id
    @SequenceGenerator(name = "brand_seq", sequenceName = "brand_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "brand_seq")
    private Long id;

    private String slug;
    private String name;
    private String description;

    protected Brand() {}

    public Brand(String name, String description) {
        this.name = name;
        this.slug = Slugs.of(name);
        this.description = description;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }
}
