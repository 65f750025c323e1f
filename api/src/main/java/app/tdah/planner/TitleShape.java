package app.tdah.planner;

import java.util.function.Function;

/**
 * A title read as verb, object and detail: "call | the dentist | about the bill", "book | flight | to Lisbon",
 * "appeler | le dentiste | pour la facture".
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

    /** The object in one of its forms ({@link NounPhrase#definite}, {@link NounPhrase#of}...), or null without one. */
    String object(Function<NounPhrase, String> form) {
        return object == null ? null : form.apply(object);
    }

    /** The object as written with its detail: "the flight to Lisbon", "au proprio pour le loyer"; or null. */
    String thing() {
        return object == null ? null : topic == null ? object.asWritten() : object.asWritten() + " " + detail();
    }

    /** "about the bill", or null without a detail. */
    String detail() {
        return topic == null ? null : preposition + " " + topic.text();
    }

    String topicText() {
        return topic == null ? null : topic.text();
    }
}
