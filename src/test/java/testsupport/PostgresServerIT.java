package testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL test server does not depend on where the checkout is: as root it runs as the OS
 * user {@code postgres}, who cannot enter a checkout in a 0700 directory such as /root.
 */
class PostgresServerIT {

    @TempDir
    Path scratch;

    @Test
    void
            given_a_project_home_inside_a_0700_directory_when_the_server_starts_then_it_runs_outside_it_and_is_removed_on_close()
                    throws Exception {
        assumeTrue(
                isRoot(),
                "only as root does the server run as another user (postgres); as " + System.getProperty("user.name")
                        + " it runs as the owner of the checkout, who can enter it");
        assumeTrue(PostgresServer.findBinaries().isPresent(), PostgresServer.MISSING);
        Path privateDir = Files.createDirectory(
                scratch.resolve("private home"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path projectHome = Files.createDirectories(privateDir.resolve("user pipeline"));
        String originalHome = System.getProperty("pipeline.home");
        System.setProperty("pipeline.home", projectHome.toString());
        Path serverHome;
        try (PostgresServer server = PostgresServer.start()) {
            serverHome = server.home();

            assertThat(serverHome.startsWith(privateDir))
                    .as("%s is outside %s", serverHome, privateDir)
                    .isFalse();
            assertThat(Files.getOwner(serverHome).getName()).isEqualTo(PostgresServer.SERVER_USER);
            assertThat(currentDatabase(server)).isEqualTo("events");
        } finally {
            restore(originalHome);
        }

        assertThat(serverHome).doesNotExist();
    }

    @Test
    void given_a_directory_with_a_space_when_the_server_starts_there_then_it_accepts_connections() throws Exception {
        Path parent = Files.createDirectory(scratch.resolve("clone test"));
        if (isRoot()) {
            // only the directory the server gets must be the postgres user's: the way there must be open
            Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        try (PostgresServer server = PostgresServer.start(parent)) {
            assertThat(server.home()).startsWith(parent);
            assertThat(currentDatabase(server)).isEqualTo("events");
        }
    }

    private static String currentDatabase(PostgresServer server) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                Statement query = connection.createStatement();
                ResultSet answer = query.executeQuery("SELECT current_database()")) {
            assertThat(answer.next()).isTrue();
            return answer.getString(1);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void restore(String originalHome) {
        if (originalHome == null) {
            System.clearProperty("pipeline.home");
        } else {
            System.setProperty("pipeline.home", originalHome);
        }
    }
}
