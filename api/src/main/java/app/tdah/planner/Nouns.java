package app.tdah.planner;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a language puts a title's noun phrase into a step: with which article, after "of" and "to", and in the second
 * person. English adds "the" to a bare noun ("call dentist" gives "Find the dentist's number"); French and Spanish
 * cannot (the article depends on a gender no word list knows), so they keep the person's own article and only
 * contract it with a preposition ("le dentiste" gives "du dentiste", "el dentista" gives "del dentista").
 */
enum Nouns {

    ENGLISH(Map.of("my", "your", "My", "Your", "myself", "yourself", "mine", "yours")) {
        private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "my", "your", "his", "her", "its",
                "our", "their", "this", "that", "these", "those", "some", "any", "each", "every", "all", "both",
                "another", "one", "two", "three", "few", "several", "many", "more");
        /** People and pronouns that read wrong after "the" or "your": "call mom", not "call the mom". */
        private static final Set<String> NO_ARTICLE = Set.of("mom", "mum", "mama", "mommy", "dad", "papa", "daddy",
                "mother", "father", "grandma", "grandpa", "granny", "grandad", "grandmother", "grandfather", "nana",
                "me", "myself", "you", "him", "her", "them", "us", "everyone", "everybody", "someone", "somebody",
                "anyone", "anybody", "everything", "something", "anything");

        @Override
        String asWritten(NounPhrase phrase) {
            return definite(phrase);
        }

        @Override
        String definite(NounPhrase phrase) {
            return withArticle(phrase, "the");
        }

        @Override
        String yours(NounPhrase phrase) {
            return withArticle(phrase, "your");
        }

        @Override
        String of(NounPhrase phrase) {
            return "of " + definite(phrase);
        }

        @Override
        String to(NounPhrase phrase) {
            return "to " + definite(phrase);
        }

        /**
         * The phrase after {@code article} when it is a bare common noun ("the report", "your passport"); as written
         * when it already has a determiner, is a name ("Sam", "Lisbon"), a numbered thing ("chapter 4") or a person
         * who takes no article ("mom").
         */
        private String withArticle(NounPhrase phrase, String article) {
            String first = phrase.words().getFirst();
            String firstKey = Words.key(first);
            boolean bare = !DETERMINERS.contains(firstKey)
                    && !NO_ARTICLE.contains(firstKey)
                    && !firstKey.endsWith("'s")
                    && !Character.isUpperCase(first.codePointAt(0))
                    && !Character.isDigit(first.codePointAt(0))
                    && phrase.words().getLast().chars().noneMatch(Character::isDigit);
            return bare ? article + " " + phrase.text() : phrase.text();
        }
    },

    FRENCH(Map.of("mon", "ton", "ma", "ta", "mes", "tes", "Mon", "Ton", "Ma", "Ta", "Mes", "Tes", "moi", "toi")) {
        @Override
        String definite(NounPhrase phrase) {
            List<String> words = phrase.words();
            return switch (firstKey(phrase)) {
                case "à" -> words.size() > 1 ? rest(phrase) : phrase.text();
                case "au" -> words.size() > 1 ? "le " + rest(phrase) : phrase.text();
                case "aux" -> words.size() > 1 ? "les " + rest(phrase) : phrase.text();
                default -> phrase.text();
            };
        }

        @Override
        String of(NounPhrase phrase) {
            String definite = definite(phrase);
            String first = Words.key(definite.split(" ", 2)[0]);
            String rest = definite.contains(" ") ? definite.substring(definite.indexOf(' ') + 1) : "";
            return switch (first) {
                case "le" -> "du " + rest;
                case "les" -> "des " + rest;
                case "des" -> "de " + rest;
                case "un", "une" -> "d'" + definite;
                default -> startsWithVowel(definite) ? "d'" + definite : "de " + definite;
            };
        }

        @Override
        String to(NounPhrase phrase) {
            String key = firstKey(phrase);
            if (key.equals("à") || key.equals("au") || key.equals("aux")) {
                return phrase.text();
            }
            String definite = definite(phrase);
            String first = Words.key(definite.split(" ", 2)[0]);
            String rest = definite.contains(" ") ? definite.substring(definite.indexOf(' ') + 1) : "";
            return switch (first) {
                case "le" -> "au " + rest;
                case "les" -> "aux " + rest;
                default -> "à " + definite;
            };
        }

        private static boolean startsWithVowel(String text) {
            return "aeiouyéèêàâîôûAEIOUYÉÈÊÀÂÎÔÛ".indexOf(text.charAt(0)) >= 0;
        }
    },

    SPANISH(Map.of("mi", "tu", "mis", "tus", "Mi", "Tu", "Mis", "Tus")) {
        @Override
        String definite(NounPhrase phrase) {
            List<String> words = phrase.words();
            return switch (firstKey(phrase)) {
                case "a" -> words.size() > 1 ? rest(phrase) : phrase.text();
                case "al" -> words.size() > 1 ? "el " + rest(phrase) : phrase.text();
                default -> phrase.text();
            };
        }

        @Override
        String of(NounPhrase phrase) {
            String definite = definite(phrase);
            return Words.key(definite.split(" ", 2)[0]).equals("el") && definite.contains(" ")
                    ? "del " + definite.substring(definite.indexOf(' ') + 1)
                    : "de " + definite;
        }

        @Override
        String to(NounPhrase phrase) {
            String key = firstKey(phrase);
            if (key.equals("a") || key.equals("al")) {
                return phrase.text();
            }
            String definite = definite(phrase);
            return Words.key(definite.split(" ", 2)[0]).equals("el") && definite.contains(" ")
                    ? "al " + definite.substring(definite.indexOf(' ') + 1)
                    : "a " + definite;
        }
    };

    private final Map<String, String> secondPerson;

    Nouns(Map<String, String> secondPerson) {
        this.secondPerson = secondPerson;
    }

    /** The word as the steps say it to the person: "my" is "your", "mon" is "ton", "mi" is "tu". */
    String secondPerson(String word) {
        return secondPerson.getOrDefault(word, word);
    }

    /** As the title has it after its verb; in French and Spanish with the preposition the verb took ("au", "a"). */
    String asWritten(NounPhrase phrase) {
        return phrase.text();
    }

    abstract String definite(NounPhrase phrase);

    /** In English "your passport"; French and Spanish keep the person's own words (the possessive has a gender). */
    String yours(NounPhrase phrase) {
        return definite(phrase);
    }

    abstract String of(NounPhrase phrase);

    abstract String to(NounPhrase phrase);

    private static String firstKey(NounPhrase phrase) {
        return Words.key(phrase.words().getFirst());
    }

    /** The words after the first, in the second person. */
    private static String rest(NounPhrase phrase) {
        return new NounPhrase(phrase.words().subList(1, phrase.words().size()), phrase.nouns()).text();
    }
}
