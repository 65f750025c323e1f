package app.tdah.planner;

/**
 * A title read as verb, object and detail: "call | the dentist | about the bill", "book | flight | to Lisbon".
 *
 * @param task        the whole title, tidied and shortened for quoting in a step
 * @param verb        the recognised verb phrase in lower case ("call", "reply to"), or null
 * @param object      what the verb acts on, or null when the title has no recognised verb or nothing after it
 * @param preposition the word that opens the detail ("about", "for", "to"), or null
 * @param topic       the detail after the preposition ("the bill", "Lisbon"), or null
 */
record TitleShape(String task, String verb, NounPhrase object, String preposition, NounPhrase topic) {

    static TitleShape unrecognised(String task) {
        return new TitleShape(task, null, null, null, null);
    }

    boolean hasVerbAndObject() {
        return verb != null && object != null;
    }

    /** The object after {@code article} when it takes one ("the dentist", "your passport"), or null. */
    String objectWith(String article) {
        return object == null ? null : object.withArticle(article);
    }

    /** The object with its detail: "the flight to Lisbon", "the birthday present for mom"; or null. */
    String thingWith(String article) {
        return object == null || topic == null ? objectWith(article) : objectWith(article) + " " + detail();
    }

    /** "about the bill", or null without a detail. */
    String detail() {
        return topic == null ? null : preposition + " " + topic.text();
    }

    String topicText() {
        return topic == null ? null : topic.text();
    }
}
