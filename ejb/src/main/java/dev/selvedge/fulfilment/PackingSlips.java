package dev.selvedge.fulfilment;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.Barcode128;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.selvedge.customer.PostalAddress;
import dev.selvedge.ordering.CustomerOrder;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The shop's packing slip of a parcel, as PDF (A5): who it goes to, what is in it and a barcode of
 * the parcel's reference that the packer and the shopper can quote. Made by the shop, whatever the
 * carrier; the carrier's label is its own PDF.
 */
final class PackingSlips {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
                    .withZone(ZoneId.of("Asia/Kolkata"));

    private PackingSlips() {}

    /** {@code number} and {@code of}: which parcel of the order this is. */
    static byte[] of(Shipment s, int number, int of) {
        CustomerOrder order = s.getOrder();
        String reference = order.getOrderNumber() + "-" + number;
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A5, 28, 28, 28, 28);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, pdf);
            doc.addTitle("Packing slip " + reference);
            doc.addCreator("Selvedge");
            doc.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
            Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
            doc.add(new Paragraph("Selvedge packing slip", title));
            doc.add(
                    new Paragraph(
                            "Order "
                                    + order.getOrderNumber()
                                    + " of "
                                    + DAY.format(order.getCreatedAt())
                                    + " · parcel "
                                    + number
                                    + " of "
                                    + of
                                    + " · from "
                                    + s.getLocation().getName(),
                            body));
            Barcode128 code = new Barcode128();
            code.setCode(reference);
            Image barcode = code.createImageWithBarcode(writer.getDirectContent(), null, null);
            barcode.setSpacingBefore(6);
            doc.add(barcode);
            PostalAddress to = order.getShippingAddress();
            Paragraph ship = new Paragraph("Ship to", bold);
            ship.setSpacingBefore(8);
            doc.add(ship);
            for (String line :
                    List.of(
                            to.name(),
                            to.line1(),
                            to.line2() == null ? "" : to.line2(),
                            to.city() + ", " + to.state() + " " + to.postalCode(),
                            "Phone " + to.phone())) {
                if (!line.isBlank()) {
                    doc.add(new Paragraph(line, body));
                }
            }
            PdfPTable lines = new PdfPTable(new float[] {3, 6, 3, 1});
            lines.setWidthPercentage(100);
            lines.setSpacingBefore(10);
            for (String head : List.of("SKU", "Item", "Colour / size", "Qty")) {
                PdfPCell cell = new PdfPCell(new Phrase(head, bold));
                cell.setGrayFill(0.9f);
                lines.addCell(cell);
            }
            int units = 0;
            for (ShipmentLine l : s.getLines()) {
                lines.addCell(new Phrase(l.getOrderLine().getSku(), body));
                lines.addCell(new Phrase(l.getOrderLine().getName(), body));
                lines.addCell(
                        new Phrase(
                                l.getOrderLine().getColour() + " / " + l.getOrderLine().getSize(),
                                body));
                PdfPCell qty = new PdfPCell(new Phrase(String.valueOf(l.getQuantity()), body));
                qty.setHorizontalAlignment(Element.ALIGN_RIGHT);
                lines.addCell(qty);
                units += l.getQuantity();
            }
            doc.add(lines);
            Paragraph total =
                    new Paragraph(
                            units + (units == 1 ? " unit" : " units") + " in this parcel", body);
            total.setSpacingBefore(6);
            doc.add(total);
            Paragraph returns =
                    new Paragraph(
                            "Wrong size? Exchange or return it within 30 days from My orders"
                                    + " (or the link in your email), quoting "
                                    + reference
                                    + ".",
                            body);
            returns.setSpacingBefore(12);
            doc.add(returns);
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not make the packing slip of " + reference, e);
        } finally {
            doc.close();
        }
        return pdf.toByteArray();
    }
}
