import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The images' Docker HEALTHCHECK: exits 0 when the service's liveness group answers 200, so the
 * runtime image needs no curl or wget. Port from SERVER_PORT (as the service reads it), path from
 * the first argument (default /actuator/health/liveness). Compiled in the image's build stage.
 */
public final class HealthCheck {

    private HealthCheck() {}

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
        String path = args.length > 0 ? args[0] : "/actuator/health/liveness";
        try {
            var connection = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(3_000);
            int status = connection.getResponseCode();
            System.out.println(path + " answered " + status);
            System.exit(status == 200 ? 0 : 1);
        } catch (IOException | RuntimeException e) {
            // One line in `docker inspect`'s health log, not a stack trace per probe.
            System.out.println(path + " on port " + port + ": " + e);
            System.exit(1);
        }
    }
}
