package app.tdah.paging;

/** The cursor of lists ordered newest first by an id that grows with time: the last row's id. */
public record SequenceCursor(long id) {

    private static final String PREFIX = "seq:";

    public String encode() {
        return Cursors.encode(PREFIX + id);
    }

    /** The cursor, or a {@link app.tdah.errors.BadArgument} saying it is invalid. */
    public static SequenceCursor decode(String cursor) {
        return Cursors.decode(cursor, text -> {
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not a sequence cursor");
            }
            return new SequenceCursor(Long.parseLong(text.substring(PREFIX.length())));
        });
    }
}
