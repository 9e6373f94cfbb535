package org.infera.nn;

import ai.djl.Device;
import picocli.CommandLine.Option;

/** Where the steps that run a network run it (a mixin of train's and shift's commands). */
public final class DeviceOption {
    @Option(
            names = "--device",
            defaultValue = "auto",
            paramLabel = "auto|cpu|gpu",
            description = "auto (a GPU when DJL sees one), cpu or gpu (default: ${DEFAULT-VALUE}).")
    public String device;

    public Device resolve() {
        return Devices.resolve(device);
    }
}
