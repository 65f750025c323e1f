package app.tdah.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every userError message the code writes has a French and a Spanish translation. The messages are read from the
 * sources, where they are made: the message argument of {@code new UserError(...)} and of the helpers that build one
 * ({@code Result.failure}, {@code refused}, {@code refusal}, {@code new Overloaded}), the constants and local variables
 * those name, and the descriptions of provider errors. A literal part is kept, anything computed becomes a slot.
 */
class UserErrorMessagesTest {

    private static final Path SOURCES = Path.of("src/main/java/app/tdah");
    /** Calls whose argument at this index is a userError's message. */
    private static final List<Sink> SINKS = List.of(new Sink("new UserError(", 1), new Sink("Result.failure(", 1),
            new Sink("refused(", 0), new Sink("refusal(env, payload, ", 1), new Sink("new Overloaded(", 0));

    private record Sink(String call, int argument) {
    }

    @Test
    void everyMessageInTheCodeIsInFrenchAndSpanish() throws IOException {
        Set<String> messages = messagesInTheCode();

        assertThat(messages).as("the sources were read").hasSizeGreaterThan(100)
                .contains("Keep the title under {0} characters.", "That code is not right. {0} tries left.",
                        "This link has expired. Please {0}.", "{0} had a problem on its side (error {1}); we will try again.");
        List<String> untranslated = new ArrayList<>();
        for (String message : messages) {
            String example = message.replaceAll("\\{\\d}", "7");
            for (ProfileLanguage language : List.of(ProfileLanguage.FR, ProfileLanguage.ES)) {
                if (UserErrorMessages.in(language, example).equals(example)) {
                    untranslated.add(language.code() + ": " + message);
                }
            }
        }
        assertThat(untranslated).as("add these to app/tdah/i18n/UserErrorMessages.txt").isEmpty();
    }

    @Test
    void numbersNamesAndListedPhrasesInAMessageAreCarriedOverOrTranslated() {
        assertThat(UserErrorMessages.in(ProfileLanguage.FR, "Keep the title under 500 characters."))
                .isEqualTo("Gardez le titre sous 500 caractères.");
        assertThat(UserErrorMessages.in(ProfileLanguage.ES, "Google refused to share your calendar: check what you allowed, "
                + "or reconnect it on the Integrations page."))
                .isEqualTo("Google se negó a compartir su calendario: revise lo que permitió, o vuelva a conectarlo en la página Integraciones.");
        assertThat(UserErrorMessages.in(ProfileLanguage.FR, "This link has expired. Please ask for a new one from the sign-in page."))
                .isEqualTo("Ce lien a expiré. Merci de demander un nouveau lien depuis la page de connexion.");
        assertThat(UserErrorMessages.in(ProfileLanguage.FR, "Please wait 1 second before asking for another code."))
                .isEqualTo("Merci d’attendre 1 seconde avant de demander un autre code.");
        assertThat(UserErrorMessages.in(ProfileLanguage.ES, "Please wait 45 seconds before asking for another code."))
                .isEqualTo("Espere 45 segundos antes de pedir otro código.");
        assertThat(UserErrorMessages.in(ProfileLanguage.FR, "Something nobody listed.")).isEqualTo("Something nobody listed.");
        assertThat(UserErrorMessages.in(ProfileLanguage.EN, "Keep the title under 500 characters."))
                .isEqualTo("Keep the title under 500 characters.");
    }

    @Test
    void everyListedMessageIsStillWrittenSomewhere() throws IOException {
        Set<String> messages = messagesInTheCode();

        assertThat(UserErrorMessages.englishMessages()).as("a translation nobody can see any more").allSatisfy(listed ->
                assertThat(messages.stream().anyMatch(written -> matches(listed, written))).as(listed).isTrue());
    }

    /** Whether the listed message (its slots any text) reads as the written one (its slots anything computed). */
    private static boolean matches(String listed, String written) {
        return Pattern.compile(Pattern.quote(listed).replaceAll("\\{\\d}", "\\\\E.+?\\\\Q"))
                .matcher(written.replaceAll("\\{\\d}", "7")).matches();
    }

    private static Set<String> messagesInTheCode() throws IOException {
        Set<String> messages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Sink sink : SINKS) {
                    int at = source.indexOf(sink.call());
                    while (at >= 0) {
                        List<String> arguments = arguments(source, at + sink.call().length());
                        if (arguments.size() > sink.argument()) {
                            messages.addAll(templates(source, arguments.get(sink.argument())));
                        }
                        at = source.indexOf(sink.call(), at + 1);
                    }
                }
                if (file.endsWith("ProviderException.java")) {
                    Matcher described = Pattern.compile("(?:return|case \\d+ ->|default ->) ").matcher(source);
                    while (described.find()) {
                        messages.addAll(templates(source, expressionAt(source, described.end())));
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return messages;
    }

    /** The arguments of the call whose parenthesis opened just before {@code from}, split at top-level commas. */
    private static List<String> arguments(String source, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ')' || (c == ',' && depth == 0)) {
                arguments.add(source.substring(start, i).strip());
                if (c == ')') {
                    return arguments;
                }
                start = i + 1;
            }
        }
        return arguments;
    }

    /** The expression from {@code from} to the {@code ;} that ends its statement (one inside a literal does not). */
    private static String expressionAt(String source, int from) {
        int i = from;
        while (i < source.length() && source.charAt(i) != ';') {
            if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                i = endOfLiteral(source, i);
            }
            i++;
        }
        return source.substring(from, Math.min(i, source.length())).strip();
    }

    /** Where the string (or char) literal opening at {@code open} closes; the end of the text if it does not. */
    private static int endOfLiteral(String source, int open) {
        char quote = source.charAt(open);
        int i = open + 1;
        while (i < source.length() && source.charAt(i) != quote) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, source.length() - 1);
    }

    /**
     * The messages an expression can be: each branch of a top-level {@code ?:}, literals joined with slots for what
     * is computed; a constant or local variable is followed to what is assigned to it in the same file.
     */
    private static List<String> templates(String source, String expression) {
        List<String> branches = topLevelBranches(expression);
        if (branches.size() > 1) {
            return branches.stream().flatMap(branch -> templates(source, branch).stream()).toList();
        }
        if (expression.matches("[A-Za-z_]\\w*")) {
            List<String> assigned = new ArrayList<>();
            Matcher assignment = Pattern.compile("\\b" + expression + "\\s*=\\s*").matcher(source);
            while (assignment.find()) {
                String value = expressionAt(source, assignment.end());
                if (value.contains("\"")) { // a literal, or a message made from one; not another variable
                    assigned.addAll(templates(source, value));
                }
            }
            return assigned;
        }
        StringBuilder template = new StringBuilder();
        int slot = 0;
        boolean anyLiteral = false;
        for (String part : topLevelSplit(expression, '+')) {
            String piece = part.strip();
            if (piece.length() > 1 && piece.startsWith("\"") && piece.endsWith("\"") && endOfLiteral(piece, 0) == piece.length() - 1) {
                template.append(piece, 1, piece.length() - 1);
                anyLiteral = true;
            } else {
                template.append('{').append(slot++).append('}');
            }
        }
        return anyLiteral ? List.of(template.toString().replace("\\\"", "\"")) : List.of();
    }

    /** {@code a ? b : c ? d : e} as [b, d, e]; anything else as itself. */
    private static List<String> topLevelBranches(String expression) {
        List<String> question = topLevelSplit(expression, '?');
        if (question.size() < 2) {
            return List.of(expression);
        }
        String rest = expression.substring(question.get(0).length() + 1);
        List<String> colon = topLevelSplit(rest, ':');
        List<String> branches = new ArrayList<>();
        branches.add(colon.get(0).strip());
        branches.addAll(topLevelBranches(rest.substring(colon.get(0).length() + 1).strip()));
        return branches;
    }

    /** Splits at {@code separator} outside literals and brackets (a ternary splits at its first ? and first :). */
    private static List<String> topLevelSplit(String expression, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(expression, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == separator && depth == 0 && !(c == ':' && i + 1 < expression.length() && expression.charAt(i + 1) == ':')) {
                parts.add(expression.substring(start, i));
                start = i + 1;
                if (separator != '+') {
                    parts.add(expression.substring(start));
                    return parts;
                }
            }
        }
        parts.add(expression.substring(start));
        return parts;
    }
}
