package dev.selvedge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventFilesTest {

    private final EventFiles files = new EventFiles("BLR-01", "T1");

    @Test
    void groupsCsvRowsOfOneEventIntoItsLinesAndFillsInTheStore() throws Exception {
        List<EventFiles.Event> events =
                files.csv(
                        new StringReader(
                                "eventId,occurredAt,type,sku,quantity,unitPrice\n"
                                        + "e1,2026-11-26T10:00:00+05:30,SALE,SV1-NVY-M,1,1999.00\n"
                                        + "e2,2026-11-26T10:01:00+05:30,RETURN,SV2-BLK-L,1,\n"
                                        + "e1,2026-11-26T10:00:00+05:30,SALE,SV3-WHT-S,2,999.50\n"));
        assertThat(events).extracting(EventFiles.Event::eventId).containsExactly("e1", "e2");
        assertThat(events.get(0).json())
                .isEqualTo(
                        "{\"eventId\":\"e1\",\"storeCode\":\"BLR-01\",\"terminalId\":\"T1\","
                                + "\"occurredAt\":\"2026-11-26T10:00:00+05:30\",\"type\":\"SALE\",\"lines\":["
                                + "{\"sku\":\"SV1-NVY-M\",\"quantity\":1,\"unitPrice\":1999.00},"
                                + "{\"sku\":\"SV3-WHT-S\",\"quantity\":2,\"unitPrice\":999.50}]}");
        assertThat(events.get(1).json())
                .contains("\"type\":\"RETURN\"")
                .doesNotContain("unitPrice");
    }

    @Test
    void saysWhichCsvRowIsWrong() {
        assertThatThrownBy(
                        () ->
                                files.csv(
                                        new StringReader(
                                                "eventId,type,sku,quantity\ne1,SALE,SV1,one\n")))
                .hasMessageContaining("Row 1")
                .hasMessageContaining("'one' is not a whole number");
        assertThatThrownBy(() -> files.csv(new StringReader("eventId,type,sku\n,SALE,SV1\n")))
                .hasMessageContaining("no eventId");
    }

    @Test
    void readsOneJsonEventOrAnArrayAndKeepsWhatTheTillSaid() {
        assertThat(files.json("{\"eventId\":\"a\",\"storeCode\":\"MUM-01\",\"type\":\"SALE\"}"))
                .singleElement()
                .satisfies(
                        e ->
                                assertThat(e.json())
                                        .isEqualTo(
                                                "{\"eventId\":\"a\",\"storeCode\":\"MUM-01\",\"type\":\"SALE\",\"terminalId\":\"T1\"}"));
        assertThat(files.json("[{\"eventId\":\"a\"},{\"eventId\":\"b\"}]"))
                .extracting(EventFiles.Event::eventId)
                .containsExactly("a", "b");
        assertThatThrownBy(() -> files.json("{\"type\":\"SALE\"}")).hasMessageContaining("eventId");
        assertThatThrownBy(() -> files.json("{not json")).hasMessageStartingWith("Not JSON");
    }
}
