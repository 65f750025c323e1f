package app.tdah.planner;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A run of words from a title naming a thing or a person: "the dentist", "electricity bill", "mom", "chapter 4". */
record NounPhrase(List<String> words) {

    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "my", "your", "his", "her", "its", "our",
            "their", "this", "that", "these", "those", "some", "any", "each", "every", "all", "both", "another",
            "one", "two", "three", "few", "several", "many", "more");
    /** People and pronouns that read wrong after "the" or "your": "call mom", not "call the mom". */
    private static final Set<String> NO_ARTICLE = Set.of("mom", "mum", "mama", "mommy", "dad", "papa", "daddy",
            "mother", "father", "grandma", "grandpa", "granny", "grandad", "grandmother", "grandfather", "nana",
            "me", "myself", "you", "him", "her", "them", "us", "everyone", "everybody", "someone", "somebody",
            "anyone", "anybody", "everything", "something", "anything");

    NounPhrase {
        words = List.copyOf(words);
    }

    /** The words as written, in the second person: the steps speak to the person, so "my room" becomes "your room". */
    String text() {
        return words.stream().map(NounPhrase::secondPerson).collect(Collectors.joining(" "));
    }

    /**
     * The phrase after {@code article} when it is a bare common noun ("the report", "your passport"); as written
     * when it already has a determiner, is a name ("Sam", "Lisbon"), a numbered thing ("chapter 4") or a person
     * who takes no article ("mom").
     */
    String withArticle(String article) {
        String first = words.getFirst();
        String firstKey = Words.key(first);
        boolean bare = !DETERMINERS.contains(firstKey)
                && !NO_ARTICLE.contains(firstKey)
                && !firstKey.endsWith("'s")
                && !Character.isUpperCase(first.codePointAt(0))
                && !Character.isDigit(first.codePointAt(0))
                && words.getLast().chars().noneMatch(Character::isDigit);
        return bare ? article + " " + text() : text();
    }

    /** True when one of the words is one of {@code nouns} (given as keys). */
    boolean mentionsAny(Set<String> nouns) {
        return words.stream().map(Words::key).anyMatch(nouns::contains);
    }

    /** "the dentist's", "James'"; null for null. */
    static String possessive(String phrase) {
        if (phrase == null) {
            return null;
        }
        return phrase.endsWith("s") || phrase.endsWith("S") ? phrase + "'" : phrase + "'s";
    }

    private static String secondPerson(String word) {
        return switch (word) {
            case "my" -> "your";
            case "My" -> "Your";
            case "myself" -> "yourself";
            case "mine" -> "yours";
            default -> word;
        };
    }
}
