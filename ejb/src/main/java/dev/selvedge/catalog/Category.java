package dev.selvedge.catalog;

import dev.selvedge.shared.Slugs;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import java.util.ArrayList;
import java.util.List;

/** A node of the category tree; its path ("women/topwear/shirts") is its address in URLs. */
@Entity
@Cacheable
@NamedQuery(name = "Category.all", query = "SELECT c FROM Category c ORDER BY c.path")
@NamedQuery(name = "Category.findByPath", query = "SELECT c FROM Category c WHERE c.path = :path")
public class Category {

    @Id
    @SequenceGenerator(name = "category_seq", sequenceName = "category_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "category_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Category parent;

    private String slug;
    private String path;
    private String name;

    /**
     * What a garment of this category is (shirt, jeans, dress...): drives demo pictures and size
     * charts.
     */
    @Column(name = "garment_type")
    private String garmentType;

    private int position;

    protected Category() {}

    public Category(Category parent, String name, String garmentType, int position) {
        this.parent = parent;
        this.name = name;
        this.slug = Slugs.of(name);
        this.path = parent == null ? slug : parent.path + "/" + slug;
        this.garmentType = garmentType;
        this.position = position;
    }

    /** This category and its ancestors, root first: the breadcrumb trail. */
    public List<Category> trail() {
        List<Category> trail = new ArrayList<>();
        for (Category c = this; c != null; c = c.parent) {
            trail.add(0, c);
        }
        return trail;
    }

    public Long getId() {
        return id;
    }

    public Category getParent() {
        return parent;
    }

    public String getSlug() {
        return slug;
    }

    public String getPath() {
        return path;
    }

    public String getName() {
        return name;
    }

    public String getGarmentType() {
        return garmentType;
    }

    public int getPosition() {
        return position;
    }

    public int depth() {
        return (int) path.chars().filter(ch -> ch == '/').count();
    }
}
