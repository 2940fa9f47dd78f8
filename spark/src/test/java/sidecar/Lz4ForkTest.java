package sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jpountz.lz4.LZ4Factory;
import org.apache.spark.SparkConf;
import org.apache.spark.io.LZ4CompressionCodec;
import org.junit.jupiter.api.Test;

/**
 * Spark's shuffle and broadcast codec runs on the lz4-java fork (org.lz4:lz4-java 1.8.0 has CVEs and
 * is excluded), and the places that install the fork outside this build name the same version.
 */
class Lz4ForkTest {

    private static final Pattern POM_VERSION = Pattern.compile("<lz4-java.version>([^<]+)</lz4-java.version>");

    @Test
    void given_sparks_lz4_codec_when_a_block_round_trips_then_it_is_unchanged_and_served_by_the_fork()
            throws IOException {
        LZ4CompressionCodec codec = new LZ4CompressionCodec(new SparkConf(false));
        byte[] data = "users_created ".repeat(10_000).getBytes(StandardCharsets.UTF_8);

        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream out = codec.compressedOutputStream(compressed)) {
            out.write(data);
        }
        byte[] back;
        try (InputStream in = codec.compressedInputStream(new ByteArrayInputStream(compressed.toByteArray()))) {
            back = in.readAllBytes();
        }

        assertThat(back).isEqualTo(data);
        assertThat(compressed.size()).isLessThan(data.length / 10);
        assertThat(LZ4Factory.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toString())
                .contains("/at/yawk/lz4/lz4-java/" + buildVersion() + "/");
    }

    @Test
    void given_the_spark_image_and_the_stand_in_distribution_then_they_install_this_builds_fork_version()
            throws IOException {
        String version = buildVersion();

        assertThat(versionIn(Path.of("../servers/spark/pom.xml"))).isEqualTo(version);
        assertThat(Files.readString(Path.of("../infra/spark/Dockerfile")))
                .contains("/at/yawk/lz4/lz4-java/" + version + "/lz4-java-" + version + ".jar");
    }

    private static String buildVersion() throws IOException {
        return versionIn(Path.of("pom.xml"));
    }

    private static String versionIn(Path pom) throws IOException {
        Matcher matcher = POM_VERSION.matcher(Files.readString(pom));
        assertThat(matcher.find()).as("lz4-java.version in %s", pom).isTrue();
        return matcher.group(1).strip();
    }
}
