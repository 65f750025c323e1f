package app.tdah.focus;

import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

/** Focus sessions: a timer on one task, recorded when it runs to its end (insights count them). */
public final class FocusFeature {

    private FocusFeature() {
    }

    public static Feature create(Foundation foundation) {
        return Feature.builder()
                .graphQl(new FocusGraphQl(new FocusSessions(new FocusRepository(foundation.db()), foundation.clock())))
                .build();
    }
}
