package org.infera.nn;

import ai.djl.engine.Engine;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.infera.core.cli.StepMain;
import org.infera.core.cli.VersionProvider;
import picocli.CommandLine.Command;

@Command(
        name = "engine",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Loads the deep-learning engine and prints its name, version and the devices it sees "
                + "(a check that libtorch and, on GPU nodes, CUDA work; container builds run it to unpack libtorch).")
public final class EngineCommand implements Callable<Integer> {
    public static void main(String[] args) {
        StepMain.main(new EngineCommand(), args);
    }

    @Override
    public Integer call() {
        Engine engine = Engine.getInstance();
        System.out.printf(
                "engine: %s %s (DJL %s)%n", engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion());
        System.out.printf("gpus: %d%n", engine.getGpuCount());
        System.out.printf("default device: %s%n", engine.defaultDevice());
        System.out.printf("devices: %s%n", Arrays.toString(engine.getDevices()));
        return 0;
    }
}
