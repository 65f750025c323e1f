package app.tdah.ical;

import app.tdah.accounts.AccountsFeature;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

/**
 * The private calendar feed: a secret URL serving a person's open tasks as iCalendar to-dos. A password reset ends
 * it: whoever knew the old password may have copied the address.
 */
public final class IcalFeature {

    private IcalFeature() {
    }

    public static Feature create(Foundation foundation, AccountsFeature accounts) {
        IcalFeedService feeds = new IcalFeedService(new IcalFeedRepository(foundation.db()), foundation.publicUrl(),
                foundation.clock());
        accounts.onPasswordReset(feeds::afterPasswordReset);
        return Feature.builder()
                .graphQl(new IcalGraphQl(feeds))
                .secretRoute(IcalFeedHttpService.ROOT, new IcalFeedHttpService(feeds))
                .build();
    }
}
