package sidecar;

import java.util.List;

/**
 * The JVM options every JVM that runs Spark 3.5 on Java 17 needs.
 *
 * <p>Spark 3.5 reaches into JDK internals (direct byte buffers and their cleaners, {@code Unsafe},
 * {@code sun.util.calendar} for dates, Kerberos classes). Java 17 closes those packages, so without
 * these options a local SparkSession fails with {@code InaccessibleObjectException} or
 * {@code IllegalAccessError} on the first Dataset. {@code spark-submit} adds them itself; a JVM
 * started any other way (tests, the embedded launcher) must add them by hand.
 *
 * <p>Copied verbatim from Spark 3.5.7's {@code org.apache.spark.launcher.JavaModuleOptions} rather
 * than read from it at run time, because the launcher that forks the sidecar does not have Spark on
 * its own classpath. {@code SparkJava17Test} fails if Spark's list or the pom's
 * {@code spark.java17.options} property drift from this one.
 */
public final class SparkJava17 {

    public static final List<String> MODULE_OPTIONS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false");

    private SparkJava17() {}
}
