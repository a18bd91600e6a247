package dev.storytracker;

import java.util.Arrays;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

import dev.storytracker.bench.GenerateCommand;
import dev.storytracker.ingest.ImportCommand;
import dev.storytracker.publish.ExportCommand;

/**
 * The entry point: with no arguments the tracker serves HTTP until stopped; with a command word it runs that command
 * against the configured database without opening a port, and exits with the command's status.
 */
@QuarkusMain
public class TrackerMain implements QuarkusApplication {

    static final Set<String> COMMANDS = Set.of("import", "export");

    @Inject
    ImportCommand importCommand;

    @Inject
    ExportCommand exportCommand;

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("generate")) {
            // Writing a synthetic corpus needs neither the database nor the port: no need to start Quarkus.
            System.exit(GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            // Commands run beside (or instead of) a server: no HTTP port, no import of the default corpus,
            // and only warnings in the log so that the command's own report stays readable.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("tracker.import-on-start", "false");
            System.setProperty("quarkus.log.level", System.getProperty("quarkus.log.level", "WARN"));
        }
        Quarkus.run(TrackerMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "import" -> importCommand.run(rest, System.out, System.err);
            case "export" -> exportCommand.run(rest, System.out, System.err);
            default -> {
                System.err.println(
                        "Unknown command '" + args[0] + "'. Commands: " + String.join(", ", COMMANDS) + ", generate"
                                + "; with no command the server starts.");
                yield 64;
            }
        };
    }
}
