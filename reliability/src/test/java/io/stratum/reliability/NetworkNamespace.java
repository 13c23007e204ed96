package io.stratum.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network namespace joined to the root namespace by a veth pair: the root side has {@code 10.231.N.1/24}, the
 * namespace side {@code 10.231.N.2/24}, as a second host on a link of its own. Names carry this JVM's pid, so
 * {@link #removeStale()} can remove what a run that died left behind. Needs root and {@code ip netns}.
 */
final class NetworkNamespace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkNamespace.class);
    private static final Pattern OURS = Pattern.compile("(?:stratum-|st[vp])(\\d+)[-x]\\d+");
    private static final long PID = ProcessHandle.current().pid();

    private final String name;
    private final String hostLink;
    private final int subnet;

    private NetworkNamespace(String name, String hostLink, int subnet) {
        this.name = name;
        this.hostLink = hostLink;
        this.subnet = subnet;
    }

    /** Why namespaces cannot be made here, or null when they can. */
    static String unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "not running as root";
        }
        try {
            run("ip", "netns", "list");
            return null;
        } catch (RuntimeException e) {
            return "'ip netns' does not work: " + e.getMessage();
        }
    }

    /** Creates namespace number {@code index} (0 to 9) with its veth pair, both ends up. */
    static NetworkNamespace create(int index) {
        int subnet = (int) (PID % 24) * 10 + index;
        NetworkNamespace ns = new NetworkNamespace("stratum-" + PID + "-" + index, "stv" + PID + "x" + index, subnet);
        String peer = "stp" + PID + "x" + index;
        try {
            run("ip", "netns", "add", ns.name);
            run("ip", "link", "add", ns.hostLink, "type", "veth", "peer", "name", peer);
            run("ip", "link", "set", peer, "netns", ns.name);
            run("ip", "addr", "add", ns.hostAddress() + "/24", "dev", ns.hostLink);
            run("ip", "link", "set", ns.hostLink, "up");
            run("ip", "netns", "exec", ns.name, "ip", "addr", "add", ns.namespaceAddress() + "/24", "dev", peer);
            run("ip", "netns", "exec", ns.name, "ip", "link", "set", peer, "up");
            run("ip", "netns", "exec", ns.name, "ip", "link", "set", "lo", "up");
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** Deletes namespaces and links made by processes that no longer run. */
    static void removeStale() {
        for (String line : run("ip", "netns", "list").lines().toList()) {
            String candidate = line.split(" ")[0];
            if (isStale(candidate)) {
                LOG.info("removing namespace {} left by an earlier run", candidate);
                runQuietly("ip", "netns", "del", candidate);
            }
        }
        for (String line : run("ip", "-o", "link", "show").lines().toList()) {
            String[] fields = line.split(":\\s+");
            if (fields.length > 1) {
                String link = fields[1].split("@")[0];
                if (isStale(link)) {
                    LOG.info("removing link {} left by an earlier run", link);
                    runQuietly("ip", "link", "del", link);
                }
            }
        }
    }

    private static boolean isStale(String name) {
        Matcher m = OURS.matcher(name);
        if (!m.matches()) {
            return false;
        }
        long pid = Long.parseLong(m.group(1));
        return pid != PID && ProcessHandle.of(pid).isEmpty();
    }

    String name() {
        return name;
    }

    /** The root namespace's end of the link, where servers for this namespace listen. */
    String hostAddress() {
        return "10.231." + subnet + ".1";
    }

    String namespaceAddress() {
        return "10.231." + subnet + ".2";
    }

    /** Cuts the link: packets between the namespace and the root namespace are lost until {@link #linkUp()}. */
    void linkDown() {
        run("ip", "link", "set", hostLink, "down");
    }

    void linkUp() {
        run("ip", "link", "set", hostLink, "up");
    }

    /** The command that runs {@code command} inside this namespace. */
    List<String> exec(List<String> command) {
        List<String> inside = new ArrayList<>(List.of("ip", "netns", "exec", name));
        inside.addAll(command);
        return inside;
    }

    /** Deletes the link (both ends) and the namespace; what is already gone is skipped. */
    @Override
    public void close() {
        runQuietly("ip", "link", "del", hostLink);
        runQuietly("ip", "netns", "del", name);
    }

    private static void runQuietly(String... command) {
        try {
            run(command);
        } catch (RuntimeException alreadyGone) {
            LOG.debug("{}", alreadyGone.getMessage());
        }
    }

    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " exited with " + p.exitValue() + ": " + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
