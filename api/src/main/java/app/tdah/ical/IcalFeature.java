package app.tdah.ical;

import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

/** The private calendar feed: a secret URL serving a person's open tasks as iCalendar to-dos. */
public final class IcalFeature {

    private IcalFeature() {
    }

    public static Feature create(Foundation foundation) {
        IcalFeedService feeds = new IcalFeedService(new IcalFeedRepository(foundation.db()), foundation.publicUrl(),
                foundation.clock());
        return Feature.builder()
                .graphQl(new IcalGraphQl(feeds))
                .secretRoute(IcalFeedHttpService.ROOT, new IcalFeedHttpService(feeds))
                .build();
    }
}
