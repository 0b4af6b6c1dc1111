package dev.selvedge.batch.democatalogue;

import dev.selvedge.catalog.demo.DemoCatalogue;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;

/** Reads the demo product numbers in order; the checkpoint is the next number to read. */
@Named
@Dependent
public class ProductNumberReader extends AbstractItemReader {

    private int next;

    @Override
    public void open(Serializable checkpoint) {
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        return next < DemoCatalogue.PRODUCTS ? next++ : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
