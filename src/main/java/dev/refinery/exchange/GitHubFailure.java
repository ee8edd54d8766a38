package dev.refinery.exchange;

/** GitHub did not answer as asked; the message says why in words a person can act on. */
public class GitHubFailure extends RuntimeException {

    public GitHubFailure(String message) {
        super(message);
    }

    public GitHubFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
