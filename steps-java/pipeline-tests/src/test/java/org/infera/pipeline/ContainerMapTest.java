package org.infera.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every process the workflows run, under its own name or an alias, has a step image in conf/containers.config:
 * a process missing there ran on the host under a container profile. GENERATE is the exception (the user's
 * --generator_container, its own directive).
 */
class ContainerMapTest {
    private static final Pattern PROCESS = Pattern.compile("(?m)^process\\s+(\\w+)");
    // an alias of a process (from modules/), not of a subworkflow (ENSEMBLE as ENSEMBLE_RATIO runs no process itself)
    private static final Pattern ALIAS =
            Pattern.compile("include\\s*\\{\\s*\\w+\\s+as\\s+(\\w+)\\s*}\\s*from\\s*'[./]*modules/");
    private static final Pattern MAPPED = Pattern.compile("(\\w+):\\s*'(simulate|augment|train|shift|fit)'");

    @Test
    void everyProcessAndAliasHasItsStepImage() throws Exception {
        Set<String> processes = new TreeSet<>();
        for (Path f : nextflowFiles(List.of("modules"))) processes.addAll(all(PROCESS, Files.readString(f)));
        for (Path f : nextflowFiles(List.of("workflows", "subworkflows")))
            processes.addAll(all(ALIAS, Files.readString(f)));
        processes.addAll(all(ALIAS, Files.readString(NextflowRun.REPO.resolve("main.nf"))));
        processes.remove("GENERATE");
        assertTrue(processes.size() > 20, "processes found: " + processes);
        Set<String> mapped =
                new TreeSet<>(all(MAPPED, Files.readString(NextflowRun.REPO.resolve("conf/containers.config"))));
        Set<String> missing = new TreeSet<>(processes);
        missing.removeAll(mapped);
        assertEquals(Set.of(), missing, "processes without a step image in conf/containers.config");
        Set<String> stale = new TreeSet<>(mapped);
        stale.removeAll(processes);
        assertEquals(Set.of(), stale, "names in conf/containers.config that no workflow runs");
    }

    private static List<Path> nextflowFiles(List<String> dirs) throws Exception {
        List<Path> out = new java.util.ArrayList<>();
        for (String d : dirs) {
            try (Stream<Path> files = Files.walk(NextflowRun.REPO.resolve(d))) {
                files.filter(f -> f.toString().endsWith(".nf")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
