package dev.agentlocator.telephony.providers;

/**
 * A third-party call that did not give a usable answer. {@link #reason()} is what the call log
 * records ({@code timeout}, {@code circuit_open}, {@code http_500}, …).
 */
public class ProviderException extends RuntimeException {

    private final String provider;
    private final String reason;

    public ProviderException(String provider, String reason, String message) {
        super(provider + ": " + message);
        this.provider = provider;
        this.reason = reason;
    }

    public ProviderException(String provider, String reason, String message, Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
        this.reason = reason;
    }

    public String provider() {
        return provider;
    }

    public String reason() {
        return reason;
    }

    /** "stt: timeout" — short enough for a log column. */
    public String summary() {
        return provider + ": " + reason;
    }
}
