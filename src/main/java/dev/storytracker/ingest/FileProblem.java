package dev.storytracker.ingest;

/** Why a file cannot be imported, with the 1-based line it concerns when that is known (0 otherwise). */
public class FileProblem extends Exception {

    private final int line;

    public FileProblem(String message, int line) {
        super(message, null, false, false);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
