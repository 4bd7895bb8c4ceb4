package dev.infra.core.provider;

/**
 * A call that makes something may have been applied, but its answer never came (a read timeout, a reset connection,
 * a server error after the request was taken). Thrown by a create whose call has no idempotency token, so cannot be
 * repeated blindly: the executor then looks for what the attempt made ({@code findExisting}, by the request's tags)
 * before it creates again.
 */
public class ResponseLostException extends RuntimeException {
    public ResponseLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
