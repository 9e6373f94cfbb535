package org.infera.core.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Prints the infera version recorded in the jar manifest at build time, the Java runtime, and, for the
 * steps that carry DJL (train, shift), the DJL and libtorch versions the build pins: what a
 * pipeline's versions.yml records.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        List<String> lines =
                new ArrayList<>(List.of("infera " + version(), "Java " + System.getProperty("java.version")));
        if (hasDjl()) {
            Properties libraries = libraries();
            lines.add("DJL " + libraries.getProperty("djl", "unknown"));
            lines.add("libtorch " + libraries.getProperty("libtorch", "unknown") + " ("
                    + libraries.getProperty("libtorch.flavor", "unknown") + ")");
        }
        return lines.toArray(new String[0]);
    }

    private static boolean hasDjl() {
        try {
            Class.forName("ai.djl.engine.Engine", false, VersionProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Properties libraries() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("libraries.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // no versions to report beyond infera's and Java's
        }
        return p;
    }
}
