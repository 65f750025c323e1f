package app.tdah.insights;

import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

/** Insights: when a person gets things done. */
public final class InsightsFeature {

    private InsightsFeature() {
    }

    public static Feature create(Foundation foundation) {
        return Feature.builder()
                .graphQl(new InsightsGraphQl(new InsightsService(new InsightsRepository(foundation.db()), foundation.clock())))
                .build();
    }
}
