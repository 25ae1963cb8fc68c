package io.bpf4j;

/**
 * The kernel's verifier rejected a program. {@link #getMessage()} names the program and ends with
 * the verifier's own explanation (the last lines of its log); {@link #verifierLog()} has the whole log.
 */
public class VerifierException extends BpfException {
    private static final long serialVersionUID = 1L;
    private static final int SUMMARY_LINES = 3;

    private final String program;
    private final String verifierLog;

    /**
     * @param program the program's name
     * @param errno what the load returned
     * @param verifierLog the verifier's log, possibly empty
     */
    public VerifierException(String program, int errno, String verifierLog) {
        super("loading program '" + program + "'", errno, summary(verifierLog));
        this.program = program;
        this.verifierLog = verifierLog == null ? "" : verifierLog;
    }

    /** The name of the rejected program. */
    public String program() {
        return program;
    }

    /** The verifier's full log as the kernel wrote it (empty when the kernel wrote none). */
    public String verifierLog() {
        return verifierLog;
    }

    /** The verifier's explanation: the last few non-statistics lines of its log. */
    static String summary(String log) {
        if (log == null || log.isBlank()) {
            return "the kernel gave no verifier log";
        }
        String[] lines = log.strip().split("\n");
        int end = lines.length;
        // The log ends with statistics ("processed N insns ..."), which explain nothing.
        while (end > 0 && (lines[end - 1].startsWith("processed ") || lines[end - 1].isBlank())) {
            end--;
        }
        int start = Math.max(0, end - SUMMARY_LINES);
        return "verifier: " + String.join(" | ", java.util.Arrays.copyOfRange(lines, start, end)).strip();
    }
}
