package app.tdah.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import app.tdah.i18n.ProfileLanguage;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The offline planner, on Tuesday 2026-03-10, for a task due a week later unless a test says otherwise. */
class BuiltInTaskPlannerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final LocalDate NEXT_WEEK = TODAY.plusDays(7);
    /** The imperatives steps start with: a step is an action, not "Step 1". */
    private static final Set<String> VERBS = Set.of("Bag", "Book", "Buy", "Call", "Check", "Clear", "Compare",
            "Decide", "Do", "Drop", "Fill", "Find", "Gather", "Go", "Label", "List", "Log", "Look", "Outline", "Pack",
            "Pay", "Pick", "Prepare", "Put", "Read", "Reread", "Save", "Set", "Skim", "Spend", "Take", "Test",
            "Vacuum", "Work", "Wrap", "Write");

    private final TaskPlanner planner = new BuiltInTaskPlanner();

    private List<PlannedStep> plan(String title) {
        return plan(title, null, NEXT_WEEK);
    }

    private List<PlannedStep> plan(String title, Integer estimateMinutes, LocalDate due) {
        return planner.breakDown(new PlanRequest(title, null, estimateMinutes, List.of(), TODAY, due, ProfileLanguage.EN));
    }

    private static List<String> titles(List<PlannedStep> steps) {
        return steps.stream().map(PlannedStep::title).toList();
    }

    private static List<LocalDate> dues(List<PlannedStep> steps) {
        return steps.stream().map(PlannedStep::due).toList();
    }

    private static int totalMinutes(List<PlannedStep> steps) {
        return steps.stream().mapToInt(PlannedStep::estimateMinutes).sum();
    }

    private static String firstWord(String title) {
        int space = title.indexOf(' ');
        return space < 0 ? title : title.substring(0, space);
    }

    /** What every breakdown promises, whatever the title. */
    private static void assertWellFormed(List<PlannedStep> steps, LocalDate due) {
        assertThat(steps).hasSizeBetween(3, 6);
        assertThat(steps).allSatisfy(step -> {
            assertThat(step.title()).isNotBlank().hasSizeLessThanOrEqualTo(120);
            assertThat(step.estimateMinutes()).isBetween(5, 30);
            assertThat(step.due()).isAfterOrEqualTo(TODAY);
            if (due != null && !due.isBefore(TODAY)) {
                assertThat(step.due()).isBeforeOrEqualTo(due);
            }
        });
        assertThat(dues(steps)).isSorted();
    }

    @Nested
    class CommonTasks {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                call the dentist about the bill | dentist
                write report for Q3             | report
                clean the kitchen               | kitchen
                file taxes                      | taxes
                pay electricity bill            | electricity bill
                book flight to Lisbon           | Lisbon
                buy birthday present for mom    | mom
                study for chemistry exam        | chemistry exam
                fix the bike                    | bike
                email Sam about the contract    | Sam
                prepare presentation            | presentation
                read chapter 4                  | chapter 4
                move apartment                  | apartment
                renew passport                  | passport
                reply to landlord               | landlord
                drop off the package            | package
                """)
        void becomeShortVerbFirstStepsAboutTheTask(String title, String object) {
            List<PlannedStep> steps = plan(title);

            assertWellFormed(steps, NEXT_WEEK);
            assertThat(titles(steps)).allSatisfy(step -> {
                assertThat(firstWord(step)).as(step).isIn(VERBS);
                assertThat(step).as("a template, not the time-boxed plan").doesNotContain("«");
            });
            assertThat(titles(steps)).anySatisfy(step -> assertThat(step).contains(object));
        }

        @Test
        void aCallNamesWhoToCallAndWhatAbout() {
            assertThat(titles(plan("call the dentist about the bill"))).contains(
                    "Find the dentist's number",
                    "Write down what to ask the dentist about the bill",
                    "Put a pen, paper and anything about the bill next to you",
                    "Call the dentist and go through your list");
        }

        @Test
        void aCallWithoutATopicLeavesTheTopicOut() {
            assertThat(titles(plan("call mom"))).contains(
                    "Find mom's number",
                    "Write down what to ask mom",
                    "Put a pen and paper next to you");
        }

        @Test
        void aGiftKeepsWhoItIsFor() {
            assertThat(titles(plan("buy birthday present for mom"))).contains(
                    "Write down three gift ideas for mom",
                    "Set a budget for the birthday present",
                    "Buy the birthday present for mom");
        }

        @Test
        void aBookingKeepsItsDestination() {
            assertThat(titles(plan("book flight to Lisbon"))).contains(
                    "Pick two or three dates that work for the flight to Lisbon",
                    "Book the flight to Lisbon");
        }

        @Test
        void aMessageRereadsTheThreadAboutItsTopic() {
            assertThat(titles(plan("email Sam about the contract"))).contains(
                    "Reread the last messages about the contract",
                    "Write a rough draft to Sam about the contract",
                    "Set a reminder to follow up if Sam doesn't answer");
            assertThat(titles(plan("reply to landlord"))).contains(
                    "Reread the last messages from the landlord",
                    "Write a rough draft to the landlord");
        }

        @Test
        void theStepsSpeakToThePersonAboutTheirOwnThings() {
            assertThat(titles(plan("Remember to tidy my room!")))
                    .contains("Bag the trash and recycling in your room")
                    .noneMatch(step -> step.contains("my room"));
            assertThat(titles(plan("renew passport"))).contains("Look up what you need to renew your passport");
        }

        @Test
        void namesAndNumberedThingsTakeNoArticle() {
            assertThat(titles(plan("📞 Call Mom"))).contains("Find Mom's number", "Call Mom and go through your list");
            assertThat(titles(plan("read chapter 4"))).contains("Read the first half of chapter 4");
            assertThat(titles(plan("write report for Q3"))).contains(
                    "Write down in one sentence what the report for Q3 must say");
        }

        @Test
        void theObjectDecidesBetweenKindsThatShareAVerb() {
            assertThat(titles(plan("file taxes"))).contains("Find last year's tax return");
            assertThat(titles(plan("file a complaint"))).contains("Look up what you need to file a complaint");
            assertThat(titles(plan("prepare for the exam"))).contains("List the topics the exam covers");
            assertThat(titles(plan("prepare for the interview"))).contains("List everything the interview needs");
        }

        @Test
        void isDeterministic() {
            assertThat(plan("fix the bike")).isEqualTo(new BuiltInTaskPlanner().breakDown(
                    new PlanRequest("fix the bike", "the chain", null, List.of("home"), TODAY, NEXT_WEEK, ProfileLanguage.EN)));
        }
    }

    /** The same planner in the person's language: French and Spanish steps, in the infinitive, with their articles. */
    @Nested
    class InFrenchAndSpanish {

        private List<String> steps(String title, ProfileLanguage language) {
            List<PlannedStep> steps = planner.breakDown(new PlanRequest(title, null, null, List.of(), TODAY, NEXT_WEEK,
                    language));
            assertWellFormed(steps, NEXT_WEEK);
            return titles(steps);
        }

        @Test
        void aFrenchCallContractsTheArticleWithItsPreposition() {
            assertThat(steps("appeler le dentiste pour la facture", ProfileLanguage.FR)).containsExactly(
                    "Trouver le numéro du dentiste",
                    "Noter ce qu'il faut demander au dentiste pour la facture",
                    "Préparer un stylo, du papier et ce qui concerne la facture",
                    "Appeler le dentiste en suivant la liste",
                    "Noter ce qui a été convenu et la suite");
            assertThat(steps("appeler maman", ProfileLanguage.FR)).contains(
                    "Trouver le numéro de maman",
                    "Noter ce qu'il faut demander à maman",
                    "Préparer un stylo et du papier",
                    "Appeler maman en suivant la liste");
        }

        @Test
        void aFrenchObjectKeepsThePrepositionItsVerbTook() {
            assertThat(steps("répondre au proprio", ProfileLanguage.FR)).containsExactly(
                    "Relire les derniers messages du proprio",
                    "Lister les points à dire au proprio",
                    "Écrire un premier jet au proprio",
                    "Le relire une fois et l'envoyer",
                    "Prévoir une relance si le proprio ne répond pas");
        }

        @Test
        void frenchStepsSpeakToThePersonAndSeeThroughElision() {
            assertThat(steps("faire ma déclaration d'impôts", ProfileLanguage.FR))
                    .contains("Vérifier les totaux et envoyer ta déclaration d'impôts");
            assertThat(steps("nettoyer la cuisine", ProfileLanguage.FR))
                    .startsWith("Mettre en sacs les déchets et le recyclage de la cuisine");
            assertThat(steps("ranger le garage", ProfileLanguage.FR))
                    .startsWith("Mettre en sacs les déchets et le recyclage du garage");
        }

        @Test
        void aSpanishCallContractsTheArticleWithItsPreposition() {
            assertThat(steps("llamar al dentista sobre la factura", ProfileLanguage.ES)).containsExactly(
                    "Buscar el número del dentista",
                    "Apuntar qué preguntar al dentista sobre la factura",
                    "Tener a mano papel y boli y todo lo de la factura",
                    "Llamar al dentista y seguir la lista",
                    "Apuntar lo acordado y el siguiente paso");
            assertThat(steps("llamar a mamá", ProfileLanguage.ES)).contains(
                    "Buscar el número de mamá",
                    "Apuntar qué preguntar a mamá",
                    "Llamar a mamá y seguir la lista");
        }

        @Test
        void spanishStepsSpeakToThePerson() {
            assertThat(steps("arreglar el grifo", ProfileLanguage.ES)).contains(
                    "Apuntar exactamente qué le pasa al grifo",
                    "Buscar cómo arreglar el grifo");
            assertThat(steps("estudiar para el examen de mates", ProfileLanguage.ES))
                    .contains("Apuntar los temas del examen de mates");
            assertThat(steps("limpiar mi habitación", ProfileLanguage.ES))
                    .startsWith("Meter en bolsas la basura y el reciclaje de tu habitación");
        }

        @Test
        void anyOtherTaskGetsTheTimeBoxedPlanInThePersonsLanguage() {
            assertThat(steps("vacances", ProfileLanguage.FR)).first()
                    .isEqualTo("Prendre 10 minutes pour décider ce que « fini » veut dire pour « vacances »");
            assertThat(steps("vacaciones", ProfileLanguage.ES)).first()
                    .isEqualTo("Dedicar 10 minutos a decidir qué significa «terminado» para «vacaciones»");
            assertThat(steps("", ProfileLanguage.ES)).last().isEqualTo("Ver qué queda y planear el siguiente bloque");
            assertThat(steps("call mom", ProfileLanguage.FR).getFirst()).as("the steps follow the profile, not the title")
                    .startsWith("Prendre 10 minutes");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                fr | acheter un cadeau pour Léa
                fr | réviser pour le partiel de maths
                fr | envoyer un mail à Paul
                fr | écrire le rapport
                fr | payer la facture d'électricité
                fr | renouveler le passeport
                fr | prendre rdv chez le dentiste
                fr | acheter des chaussures
                fr | apprendre l'espagnol
                fr | lire le chapitre 4
                fr | réparer le vélo
                fr | organiser l'anniversaire de Tom
                fr | déménager à Lyon
                fr | aller à la poste
                es | comprar un regalo para Ana
                es | escribir a Juan
                es | redactar el informe
                es | pagar la luz
                es | renovar el pasaporte
                es | pedir cita con el médico
                es | comprar zapatos
                es | aprender inglés
                es | leer el capítulo 4
                es | organizar la fiesta de Tom
                es | mudarse a Sevilla
                es | ir a la farmacia
                es | hacer la declaración de la renta
                """)
        void everyKindHasItsSteps(String language, String title) {
            assertThat(steps(title, ProfileLanguage.of(language))).allSatisfy(step -> assertThat(step)
                    .as("a template, not the time-boxed plan").doesNotContain("«"));
        }
    }

    @Nested
    class UnrecognisedTasks {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"sort out the thing with the bank", "call", "finally deal with the garage",
                "Weekly review"})
        void getATimeBoxedPlanQuotingTheTask(String title) {
            List<PlannedStep> steps = plan(title);

            assertWellFormed(steps, NEXT_WEEK);
            assertThat(titles(steps)).allSatisfy(step -> assertThat(firstWord(step)).as(step).isIn(VERBS));
            assertThat(steps.getFirst().title()).startsWith("Spend ").contains("what 'done' looks like for «");
            assertThat(titles(steps)).filteredOn(step -> step.contains("«")).hasSizeGreaterThanOrEqualTo(3);
        }

        @Test
        void quoteTheTaskAsWritten() {
            assertThat(titles(plan("sort out the thing with the bank"))).contains(
                    "Spend 10 minutes deciding what 'done' looks like for «sort out the thing with the bank»",
                    "Gather what you need for «sort out the thing with the bank»",
                    "Do the first 15-minute block of «sort out the thing with the bank»");
        }

        @Test
        void nameTheSameMinutesAsTheirEstimate() {
            List<PlannedStep> steps = plan("sort out the thing with the bank", 120, NEXT_WEEK);

            assertThat(steps.getFirst().title()).startsWith("Spend " + steps.getFirst().estimateMinutes() + " minutes");
            assertThat(steps.get(2).title()).startsWith("Do the first " + steps.get(2).estimateMinutes() + "-minute");
        }
    }

    @Nested
    class Estimates {

        @ParameterizedTest(name = "{0} in {1} minutes")
        @CsvSource(delimiter = '|', textBlock = """
                clean the kitchen               | 30
                clean the kitchen               | 60
                clean the kitchen               | 90
                write report for Q3             | 120
                call the dentist about the bill | 45
                sort out the thing with the bank| 75
                file taxes                      | 100
                """)
        void addUpToTheTasksEstimate(String title, int estimate) {
            List<PlannedStep> steps = plan(title, estimate, NEXT_WEEK);

            assertWellFormed(steps, NEXT_WEEK);
            assertThat(totalMinutes(steps)).isCloseTo(estimate, within(5));
            assertThat(steps).allSatisfy(step -> assertThat(step.estimateMinutes() % 5).isZero());
        }

        @Test
        void keepTheLongerStepsLonger() {
            List<Integer> minutes = plan("fix the bike", 60, NEXT_WEEK).stream()
                    .map(PlannedStep::estimateMinutes).toList();

            assertThat(minutes.get(3)).as("the work session").isGreaterThan(minutes.getFirst());
        }

        @Test
        void stayBetween5And30MinutesWhateverTheEstimate() {
            assertThat(plan("clean the kitchen", 10, NEXT_WEEK))
                    .allSatisfy(step -> assertThat(step.estimateMinutes()).isEqualTo(5));
            assertThat(plan("clean the kitchen", 6000, NEXT_WEEK))
                    .allSatisfy(step -> assertThat(step.estimateMinutes()).isEqualTo(30));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -20})
        void areTheUsualOnesWithoutAUsableEstimate(int estimate) {
            assertThat(plan("clean the kitchen", estimate, NEXT_WEEK)).isEqualTo(plan("clean the kitchen"));
        }
    }

    @Nested
    class DueDates {

        @Test
        void spreadFromTodayToTheDayBeforeTheDue() {
            assertThat(dues(plan("clean the kitchen"))).containsExactly(
                    TODAY, TODAY.plusDays(1), TODAY.plusDays(3), TODAY.plusDays(4), TODAY.plusDays(6));
        }

        @Test
        void shareDaysWhenThereAreMoreStepsThanDays() {
            assertThat(dues(plan("clean the kitchen", null, TODAY.plusDays(3)))).containsExactly(
                    TODAY, TODAY, TODAY.plusDays(1), TODAY.plusDays(1), TODAY.plusDays(2));
        }

        @Test
        void reachFarForADistantDue() {
            List<PlannedStep> steps = plan("move apartment", null, TODAY.plusDays(60));

            assertWellFormed(steps, TODAY.plusDays(60));
            assertThat(steps.getFirst().due()).isEqualTo(TODAY);
            assertThat(steps.getLast().due()).isEqualTo(TODAY.plusDays(59));
        }

        @Test
        void areOneADayStartingTodayWithoutADue() {
            assertThat(dues(plan("clean the kitchen", null, null))).containsExactly(
                    TODAY, TODAY.plusDays(1), TODAY.plusDays(2), TODAY.plusDays(3), TODAY.plusDays(4));
        }

        @Test
        void areAllTodayForATaskDueToday() {
            assertThat(dues(plan("clean the kitchen", null, TODAY))).containsOnly(TODAY);
        }

        @Test
        void areAllTodayForATaskDueTomorrow() {
            assertThat(dues(plan("clean the kitchen", null, TODAY.plusDays(1)))).containsOnly(TODAY);
        }

        @Test
        void areAllTodayInOrderForAMissedTask() {
            List<PlannedStep> steps = plan("call the dentist about the bill", null, TODAY.minusDays(4));

            assertThat(dues(steps)).containsOnly(TODAY);
            assertThat(steps.getFirst().title()).isEqualTo("Find the dentist's number");
        }
    }

    @Nested
    class WeirdInput {

        static Stream<String> strangeTitles() {
            return Stream.of("", "   ", "\n\t", "🙂🙂🙂", "📞 call mom 🙂", "!!!", "- [ ] call mom.", "x".repeat(1000),
                    "call " + "a".repeat(1000), "call the dentist about " + "the bill ".repeat(120), "word ".repeat(200),
                    "🧾".repeat(300), "call about", "call the dentist about", "buy {the object} [for|mom] «x»",
                    "ça va être l'été", "REPLY TO LANDLORD!!!", "move out", "pay  \u00a0 rent", "𝔣𝔦𝔵 the bike");
        }

        @ParameterizedTest
        @MethodSource("strangeTitles")
        void neverBreaksThePlanner(String title) {
            for (LocalDate due : new LocalDate[] {null, TODAY, NEXT_WEEK, TODAY.minusDays(30)}) {
                assertThatCode(() -> assertWellFormed(plan(title, null, due), due)).doesNotThrowAnyException();
                assertThatCode(() -> assertWellFormed(plan(title, 45, due), due)).doesNotThrowAnyException();
            }
        }

        @Test
        void takesNullTagsAsNone() {
            assertWellFormed(planner.breakDown(new PlanRequest("fix the bike", null, null, null, TODAY, null,
                    ProfileLanguage.EN)), null);
        }

        @Test
        void shortensAVeryLongTitleInsideTheSteps() {
            assertThat(titles(plan("x".repeat(1000)))).allSatisfy(step -> assertThat(step).hasSizeLessThan(120));
        }
    }
}
