package io.stratum.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code stratum --version}: the version in the jar's manifest, or {@code dev} when run from classes. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"stratum " + (version == null ? "dev" : version) + " (Java " + Runtime.version() + ")"};
    }
}
