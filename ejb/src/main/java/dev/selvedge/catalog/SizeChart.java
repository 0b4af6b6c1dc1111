package dev.selvedge.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** A brand's measurements for one category, per size, in centimetres (inches are derived). */
@Entity
@Table(name = "size_chart")
@NamedQuery(
        name = "SizeChart.forBrandAndCategory",
        query = "SELECT s FROM SizeChart s WHERE s.brand = :brand AND s.category = :category")
public class SizeChart {

    @Id
    @SequenceGenerator(
            name = "size_chart_seq",
            sequenceName = "size_chart_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "size_chart_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "brand_id")
    private Brand brand;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @Column(name = "fit_notes")
    private String fitNotes;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(
            name = "size_chart_measurement",
            joinColumns = @JoinColumn(name = "size_chart_id"))
    private List<SizeMeasurement> measurements = new ArrayList<>();

    protected SizeChart() {}

    public SizeChart(Brand brand, Category category, String fitNotes) {
        this.brand = brand;
        this.category = category;
        this.fitNotes = fitNotes;
    }

    public void measure(Size size, String measure, BigDecimal cm) {
        measurements.add(new SizeMeasurement(size, measure, cm));
    }

    /** The measure names in the order they were added ("Chest", "Waist"...). */
    public List<String> measureNames() {
        return new ArrayList<>(
                measurements.stream()
                        .map(SizeMeasurement::getMeasure)
                        .collect(
                                LinkedHashSet<String>::new,
                                LinkedHashSet::add,
                                LinkedHashSet::addAll));
    }

    /** Rows by size, in size order: size label to (measure to centimetres). */
    public Map<String, Map<String, BigDecimal>> rows() {
        Map<String, Map<String, BigDecimal>> rows = new LinkedHashMap<>();
        measurements.stream()
                .sorted(Comparator.comparingInt(SizeMeasurement::getSizePosition))
                .forEach(
                        m ->
                                rows.computeIfAbsent(m.getSizeLabel(), k -> new LinkedHashMap<>())
                                        .put(m.getMeasure(), m.getCm()));
        return rows;
    }

    public Long getId() {
        return id;
    }

    public Brand getBrand() {
        return brand;
    }

    public Category getCategory() {
        return category;
    }

    public String getFitNotes() {
        return fitNotes;
    }
}
