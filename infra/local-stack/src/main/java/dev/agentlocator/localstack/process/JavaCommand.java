package dev.agentlocator.localstack.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM: the launcher's own {@code java}, the chosen flags, {@code -jar}. */
public final class JavaCommand {

    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private JavaCommand() {}

    /**
     * On Linux the child gets its own session ({@code setsid}, which execs in place: the process we
     * hold is the JVM itself), so Ctrl-C in the terminal reaches only the launcher, which then stops
     * the children in order: gateway and services, then Eureka, then Kafka and PostgreSQL.
     */
    public static List<String> of(Path jar, List<String> javaOptions) {
        List<String> command = new ArrayList<>();
        SETSID.stream().filter(Files::isExecutable).findFirst().ifPresent(setsid -> command.add(setsid.toString()));
        command.add(javaExecutable().toString());
        command.addAll(javaOptions);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    static Path javaExecutable() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path java = bin.resolve("java");
        return Files.isExecutable(java) ? java : bin.resolve("java.exe");
    }
}
