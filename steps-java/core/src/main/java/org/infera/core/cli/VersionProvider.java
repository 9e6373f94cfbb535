package org.infera.core.cli;

import picocli.CommandLine;

/** Prints the infera version recorded in the jar manifest at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"infera " + version(), "Java " + System.getProperty("java.version")};
    }
}
