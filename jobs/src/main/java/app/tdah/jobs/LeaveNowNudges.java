package app.tdah.jobs;

/** Port into the scheduling feature: tells people who asked for it to leave for an event with a place. */
public interface LeaveNowNudges {

    /** Sends the nudges whose time has come, each once; returns how many went out. */
    int sendDue();
}
