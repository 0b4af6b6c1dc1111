package dev.selvedge.catalog;

import dev.selvedge.shared.Slugs;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A style: one garment design of a brand, sold in several sizes and colours (its variants). */
@Entity
@NamedQuery(name = "Product.findBySlug", query = "SELECT p FROM Product p WHERE p.slug = :slug")
@NamedQuery(name = "Product.count", query = "SELECT COUNT(p) FROM Product p")
@NamedQuery(name = "Product.slugsIn", query = "SELECT p.slug FROM Product p WHERE p.slug IN :slugs")
public class Product {

    @Id
    @SequenceGenerator(name = "product_seq", sequenceName = "product_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_seq")
    private Long id;

    private String slug;
    private String name;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "brand_id")
    private Brand brand;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    private String description;
    private String material;
    private String care;

    /** Comma-separated search tags ("linen,summer,office"). */
    private String tags;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "search_text")
    private String searchText;

    @OneToMany(mappedBy = "product", cascade = CascadeType.PERSIST)
    @OrderBy("colour.name, size.position")
    private List<Variant> variants = new ArrayList<>();

    @OneToMany(mappedBy = "product", cascade = CascadeType.PERSIST)
    @OrderBy("colourName, position")
    private List<ProductImage> images = new ArrayList<>();

    protected Product() {}

    public Product(
            String name,
            String slugSuffix,
            Brand brand,
            Category category,
            Gender gender,
            String description,
            Instant createdAt) {
        this.name = name;
        this.slug = Slugs.of(brand.getName() + " " + name + " " + slugSuffix);
        this.brand = brand;
        this.category = category;
        this.gender = gender;
        this.description = description;
        this.createdAt = createdAt;
        this.tags = "";
    }

    public Variant addVariant(
            String sku,
            Barcode barcode,
            Size size,
            Colour colour,
            dev.selvedge.shared.Money price) {
        boolean clash =
                variants.stream()
                        .anyMatch(
                                v ->
                                        v.getSku().equals(sku)
                                                || (v.getSize().equals(size)
                                                        && v.getColour().equals(colour)));
        if (clash) {
            throw new IllegalArgumentException(
                    "Variant " + sku + " repeats a SKU or a size and colour of " + slug);
        }
        Variant variant = new Variant(this, sku, barcode, size, colour, price);
        variants.add(variant);
        return variant;
    }

    public ProductImage addImage(Colour colour, String source, String altText) {
        int position =
                (int) images.stream().filter(i -> i.getColourName().equals(colour.name())).count();
        ProductImage image = new ProductImage(this, colour.name(), position, source, altText);
        images.add(image);
        return image;
    }

    public void describe(String material, String care, Set<String> tags) {
        this.material = material;
        this.care = care;
        this.tags = String.join(",", tags);
    }

    /** Keeps the text that full-text search indexes in step with the product. */
    @PrePersist
    @PreUpdate
    void refreshSearchText() {
        Set<String> words = new LinkedHashSet<>();
        words.add(name);
        words.add(brand.getName());
        category.trail().forEach(c -> words.add(c.getName()));
        variants.forEach(v -> words.add(v.getColour().name()));
        words.add(tags.replace(',', ' '));
        words.add(material == null ? "" : material);
        searchText = String.join(" ", words).trim();
    }

    public List<String> colourNames() {
        return variants.stream().map(v -> v.getColour().name()).distinct().toList();
    }

    public List<String> tagList() {
        return tags.isBlank() ? List.of() : List.of(tags.split(","));
    }

    public Set<String> sizeLabels() {
        return variants.stream()
                .sorted((a, b) -> Integer.compare(a.getSize().position(), b.getSize().position()))
                .map(v -> v.getSize().label())
                .collect(Collectors.toCollection(LinkedHashSet::new));
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

    public Brand getBrand() {
        return brand;
    }

    public Category getCategory() {
        return category;
    }

    public Gender getGender() {
        return gender;
    }

    public String getDescription() {
        return description;
    }

    public String getMaterial() {
        return material;
    }

    public String getCare() {
        return care;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getSearchText() {
        return searchText;
    }

    public List<Variant> getVariants() {
        return Collections.unmodifiableList(variants);
    }

    public List<ProductImage> getImages() {
        return Collections.unmodifiableList(images);
    }
}
