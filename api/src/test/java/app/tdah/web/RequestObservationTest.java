package app.tdah.web;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestObservationTest {

    private static final String FEED = "/ical/Q5bROHx5RQMPZyacdH-2E35LU-d6_jZ4zZ4vo-vylPQ.ics";
    private static final RequestObservation OBSERVATION = new RequestObservation(false,
            List.of("/ical", "/sms/twilio", "/sms/twilio/status", "/auth/oidc"), Set.of("/ical"));

    @Test
    void aCalendarFeedIsMeasuredAndLoggedWithoutItsToken() {
        assertThat(OBSERVATION.route(FEED)).isEqualTo("/ical/*");
        assertThat(OBSERVATION.loggedPath(FEED)).isEqualTo("/ical/*");
    }

    @Test
    void theSmsWebhookIsARouteOfItsOwn() {
        assertThat(OBSERVATION.route("/sms/twilio")).isEqualTo("/sms/twilio");
        assertThat(OBSERVATION.route("/sms/twilio/status")).isEqualTo("/sms/twilio/status");
    }

    @Test
    void pathsBelowARouteShareOneLabelAndUnknownPathsAnother() {
        assertThat(OBSERVATION.route("/auth/oidc/google/start")).isEqualTo("/auth/oidc/*");
        assertThat(OBSERVATION.route("/anything/people/try")).isEqualTo("/*");
    }

    @Test
    void otherPathsAreLoggedAsTheyAre() {
        assertThat(OBSERVATION.loggedPath("/graphql")).isEqualTo("/graphql");
        assertThat(OBSERVATION.loggedPath("/today")).isEqualTo("/today");
    }
}
