package dev.selvedge.web.admin;

import dev.selvedge.fulfilment.CarrierFailure;
import dev.selvedge.fulfilment.FulfilmentRefused;
import dev.selvedge.fulfilment.FulfilmentService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parcel's printables for staff, opened in the browser's PDF viewer to print: {@code
 * /admin/parcels/{id}/slip.pdf} (the shop's packing slip) and {@code /admin/parcels/{id}/label.pdf}
 * (the carrier's label; own riders have none, so their slip is their label). Behind the back
 * office's sign-in like every /admin page.
 */
@WebServlet("/admin/parcels/*")
public class ParcelDocumentsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})/(slip|label)\\.pdf");

    @EJB private FulfilmentService fulfilment;
    @EJB private dev.selvedge.account.StaffDirectory directory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Matcher m = PATH.matcher(String.valueOf(request.getPathInfo()));
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long id = Long.parseLong(m.group(1));
        // Only the staff of the parcel's location (or its pickup store) print it; to anyone else
        // it is not there.
        dev.selvedge.account.StaffScope scope = directory.scope(request.getRemoteUser());
        if (fulfilment
                .parcel(id)
                .filter(p -> scope.worksAt(p.location()) || scope.worksAt(p.pickupStore()))
                .isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pdf;
        try {
            Optional<byte[]> document =
                    m.group(2).equals("slip")
                            ? Optional.of(fulfilment.packingSlip(id))
                            : fulfilment.label(id);
            if (document.isEmpty()) {
                response.sendError(
                        HttpServletResponse.SC_NOT_FOUND,
                        "This parcel's carrier gives no label: print the packing slip");
                return;
            }
            pdf = document.get();
        } catch (FulfilmentRefused e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
            return;
        } catch (CarrierFailure | EJBException e) {
            response.sendError(
                    HttpServletResponse.SC_BAD_GATEWAY,
                    "The carrier did not give the label: " + e.getMessage());
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader(
                "Content-Disposition", "inline; filename=\"" + m.group(2) + "-" + id + ".pdf\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
