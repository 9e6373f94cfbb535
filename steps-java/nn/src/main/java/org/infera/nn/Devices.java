package org.infera.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.infera.core.cli.InputException;

/** The --device option of train and shift: auto (a GPU when DJL sees one), cpu or gpu. */
public final class Devices {
    private Devices() {}

    public static Device resolve(String option) {
        int gpus = Engine.getInstance().getGpuCount();
        return switch (option) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new InputException(
                            "--device gpu: DJL's " + Engine.getInstance().getEngineName() + " engine sees no GPU "
                                    + "(a CUDA build of the train image is made with mvn -Pcuda; 'infera-train engine' "
                                    + "lists the devices)");
                }
                yield Device.gpu();
            }
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            default -> throw new InputException("--device '" + option + "' is not auto, cpu or gpu");
        };
    }
}
