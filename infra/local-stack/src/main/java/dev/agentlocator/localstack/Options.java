package dev.agentlocator.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The launcher's command line and environment.
 *
 * @param mode what to do once the stack is ready
 * @param echo whether the children's logs are echoed to the console, each line tagged
 * @param timeout how long the whole stack may take to become ready
 * @param javaOptions JVM flags for every child
 * @param classDataSharing whether children run with application class-data sharing
 * @param reset whether to drop the stack's databases and Kafka data first
 * @param then a shell command to run once the smoke checks pass (e.g. the browser tests), or null
 * @param help whether only the usage was asked for
 */
public record Options(
        Mode mode,
        boolean echo,
        Duration timeout,
        List<String> javaOptions,
        boolean classDataSharing,
        boolean reset,
        String then,
        boolean help) {

    static final int DEFAULT_TIMEOUT_SECONDS = 240;

    /**
     * Flags that keep eight JVMs light and quick to start on a small two-core machine: C1 only
     * (start-up is dominated by interpreting and compiling, not by peak speed), the serial
     * collector (no GC threads), small stacks and bounded heap, metaspace and code cache.
     */
    public static final List<String> DEFAULT_JAVA_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-Xms32m",
            "-Xmx192m",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=48m",
            "-XX:MaxDirectMemorySize=64m",
            "-XX:+ExitOnOutOfMemoryError",
            "-Xshare:auto");

    public static Options parse(String[] args, Map<String, String> env) {
        Mode mode = Mode.RUN;
        if (isOn(env.get("LOCAL_STACK_SMOKE"))) {
            mode = Mode.SMOKE;
        } else if (isOn(env.get("LOCAL_STACK_MEASURE"))) {
            mode = Mode.MEASURE;
        }
        boolean echo = isOn(env.get("LOCAL_STACK_ECHO"));
        boolean reset = isOn(env.get("LOCAL_STACK_RESET"));
        boolean help = false;
        String then = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--then" -> {
                    if (i + 1 >= args.length || args[i + 1].isBlank()) {
                        throw new IllegalArgumentException(
                                "--then needs a command, e.g. --then 'npm --prefix client run e2e'");
                    }
                    then = args[++i];
                }
                case "--smoke" -> mode = Mode.SMOKE;
                case "--measure" -> mode = Mode.MEASURE;
                case "--echo" -> echo = true;
                case "--no-echo" -> echo = false;
                case "--reset" -> reset = true;
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        if (then != null && mode != Mode.SMOKE) {
            throw new IllegalArgumentException("--then runs after the smoke checks: use it with --smoke");
        }
        boolean cds = !isOff(env.get("LOCAL_STACK_CDS"));
        return new Options(
                mode, echo, timeout(env.get("LOCAL_STACK_TIMEOUT_SECONDS")), javaOptions(env), cds, reset, then, help);
    }

    private static Duration timeout(String value) {
        if (isBlank(value)) {
            return Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds <= 0) {
                throw new NumberFormatException(value);
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "LOCAL_STACK_TIMEOUT_SECONDS must be a positive number of seconds, not '" + value + "'");
        }
    }

    /** {@code LOCAL_STACK_JAVA_OPTS}, when set, replaces the defaults (so a different GC can be chosen). */
    private static List<String> javaOptions(Map<String, String> env) {
        String override = env.get("LOCAL_STACK_JAVA_OPTS");
        if (isBlank(override)) {
            return DEFAULT_JAVA_OPTIONS;
        }
        return new ArrayList<>(Arrays.asList(override.trim().split("\\s+")));
    }

    static boolean isOn(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }

    static boolean isOff(String value) {
        return value != null && (value.equals("0") || value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public static String usage() {
        return """
                Usage: java -jar infra/local-stack/target/local-stack.jar [--smoke [--then CMD] | --measure] [--echo] [--reset]

                Starts the whole AgentLocator suite on this machine: an in-process Kafka broker,
                PostgreSQL (DATABASE_URL, else 127.0.0.1:5432, else an embedded server), Eureka,
                every service and the gateway; prints the URL once everything is healthy.

                  --smoke     once ready, run the stack checks and exit 0 (all pass) or 1
                  --then CMD  with --smoke: once the checks pass, run CMD with sh -c and
                              BASE_URL=http://localhost:8080 (e.g. the browser tests); its exit
                              code becomes the launcher's
                  --measure   once ready, print "measure: ready_seconds=... rss_mb=..." and exit
                  --echo      echo every child's log to the console, tagged [crm], [gateway], ...
                  --reset     first drop the stack's databases and Kafka data (e.g. after a
                              migration was edited): start from empty

                Environment: KAFKA_BOOTSTRAP_SERVERS, KAFKA_PORT (9092), DATABASE_URL,
                DATABASE_USERNAME, DATABASE_PASSWORD, TOKEN_SIGNING_KEYS and TELEPHONY_CLIENT_SECRET
                (generated and kept in the state directory), APP_ENV (development),
                CORS_ORIGINS (http://localhost:5173), LOCAL_STACK_ECHO=1, LOCAL_STACK_SMOKE=1,
                LOCAL_STACK_MEASURE=1, LOCAL_STACK_RESET=1, LOCAL_STACK_TIMEOUT_SECONDS (240),
                LOCAL_STACK_JAVA_OPTS (replaces the children's default JVM flags),
                LOCAL_STACK_CDS=0 (run the jars as built, without class-data sharing).
                Data and logs live in .local-stack/ at the repository root.""";
    }
}
