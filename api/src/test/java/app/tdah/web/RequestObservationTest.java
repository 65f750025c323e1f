package app.tdah.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestObservationTest {

    private static final String FEED = "/ical/Q5bROHx5RQMPZyacdH-2E35LU-d6_jZ4zZ4vo-vylPQ.ics";

    @Test
    void aCalendarFeedIsMeasuredAndLoggedWithoutItsToken() {
        assertThat(RequestObservation.route(FEED)).isEqualTo("/ical/*");
        assertThat(RequestObservation.loggedPath(FEED)).isEqualTo("/ical/*");
    }

    @Test
    void theSmsWebhookIsARouteOfItsOwn() {
        assertThat(RequestObservation.route("/sms/twilio")).isEqualTo("/sms/twilio");
    }

    @Test
    void otherPathsAreLoggedAsTheyAre() {
        assertThat(RequestObservation.loggedPath("/graphql")).isEqualTo("/graphql");
        assertThat(RequestObservation.loggedPath("/today")).isEqualTo("/today");
    }
}
