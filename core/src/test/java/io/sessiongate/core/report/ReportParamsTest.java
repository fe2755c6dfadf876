package io.sessiongate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportParamsTest {

    private static final ZoneOffset UTC = ZoneOffset.UTC;

    @Test
    void aDateIsReadAsTheVendorDocumentsItAndAsItsCallersSendIt() {
        LocalDateTime oct1 = LocalDateTime.of(2018, 10, 1, 0, 0, 0);
        assertThat(ReportParams.dateTime("10/1/2018 0:00:00", false, UTC)).contains(oct1);
        assertThat(ReportParams.dateTime("10/1/2018 00:00:00", false, UTC)).as("tap-logmeinrescue's %H").contains(oct1);
        assertThat(ReportParams.dateTime("10/01/2018 00:00", false, UTC)).contains(oct1);
        assertThat(ReportParams.dateTime(" 3/5/2024 9:05:07 PM ", false, UTC))
                .contains(LocalDateTime.of(2024, 3, 5, 21, 5, 7));
        assertThat(ReportParams.dateTime("3/5/2024 12:00:00 am", false, UTC))
                .contains(LocalDateTime.of(2024, 3, 5, 0, 0, 0));
        assertThat(ReportParams.dateTime("10/1/2018", false, UTC)).as("a date alone begins at midnight").contains(oct1);
        assertThat(ReportParams.dateTime("10/1/2018", true, UTC)).as("and ends with its last second")
                .contains(LocalDateTime.of(2018, 10, 1, 23, 59, 59));
    }

    @Test
    void aSoapDateTimeIsReadWithItsOffsetShownInTheReportsTimeZone() {
        assertThat(ReportParams.dateTime("2018-10-01T08:30:00", false, UTC))
                .contains(LocalDateTime.of(2018, 10, 1, 8, 30));
        assertThat(ReportParams.dateTime("2018-10-01T08:30:00.750", false, UTC))
                .contains(LocalDateTime.of(2018, 10, 1, 8, 30));
        assertThat(ReportParams.dateTime("2018-10-01T08:30:00Z", false, ZoneOffset.ofHours(-4)))
                .contains(LocalDateTime.of(2018, 10, 1, 4, 30));
        assertThat(ReportParams.dateTime("2018-10-01T08:30:00+02:00", false, UTC))
                .contains(LocalDateTime.of(2018, 10, 1, 6, 30));
        assertThat(ReportParams.dateTime("2018-10-01", true, UTC)).contains(LocalDateTime.of(2018, 10, 1, 23, 59, 59));
    }

    @Test
    void whatIsNotADateIsRefused() {
        for (String bad : new String[] {null, "", "  ", "13/1/2018 0:00:00", "2/30/2024", "10/1/18", "10-1-2018",
                "10/1/2018 24:00:00", "10/1/2018 9:60", "10/1/2018 13:00 PM", "10/1/2018 0:00:00 XM", "tomorrow",
                "2018-10-01T25:00:00", "10/1/2018\u00000:00:00"}) {
            assertThat(ReportParams.dateTime(bad, false, UTC)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void timesZonesAndDelimitersHaveTheirOwnRules() {
        assertThat(ReportParams.timeOfDay("00:00")).contains(LocalTime.MIDNIGHT);
        assertThat(ReportParams.timeOfDay("8:30:15")).contains(LocalTime.of(8, 30, 15));
        assertThat(ReportParams.timeOfDay("5:00 PM")).contains(LocalTime.of(17, 0));
        assertThat(ReportParams.timeOfDay("24:00")).isEmpty();
        assertThat(ReportParams.timeOfDay("8")).isEmpty();
        assertThat(ReportParams.timezone("-240")).hasValue(-240);
        assertThat(ReportParams.timezone("+60")).hasValue(60);
        assertThat(ReportParams.timezone(" 0 ")).hasValue(0);
        assertThat(ReportParams.timezone("-720")).hasValue(-720);
        assertThat(ReportParams.timezone("840")).hasValue(840);
        assertThat(ReportParams.timezone("841")).isEmpty();
        assertThat(ReportParams.timezone("-721")).isEmpty();
        assertThat(ReportParams.timezone("1.5")).isEmpty();
        assertThat(ReportParams.timezone("UTC")).isEmpty();
        assertThat(ReportParams.delimiter(";")).contains(";");
        assertThat(ReportParams.delimiter("\t")).as("a tab is a delimiter").contains("\t");
        assertThat(ReportParams.delimiter(" ")).as("so is a space, taken as sent").contains(" ");
        assertThat(ReportParams.delimiter("\\;")).as("the vendor's PHP sample sends two characters").contains("\\;");
        assertThat(ReportParams.delimiter("")).isEmpty();
        assertThat(ReportParams.delimiter(null)).isEmpty();
        assertThat(ReportParams.delimiter("\n")).isEmpty();
        assertThat(ReportParams.delimiter("123456789")).isEmpty();
    }
}
