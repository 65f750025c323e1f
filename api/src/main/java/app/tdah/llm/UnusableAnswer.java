package app.tdah.llm;

/** The model's answer says nothing usable; the message says why, without quoting the answer. */
public final class UnusableAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    public UnusableAnswer(String why) {
        super(why);
    }
}
