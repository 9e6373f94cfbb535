package org.infera.nn.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.infera.nn.NetworkSpec;

/**
 * A trained network as an ONNX model, for use outside infera (ONNX Runtime, PyTorch, ROOT's SOFIE):
 * input {@code features} (float64, [events, features] in the order of model.json), output {@code outputs}
 * (float32, [events, outputs]: the network's raw outputs, as infera-shift reads them).
 *
 * <p>The standardisation is part of the graph and done in float64, then cast to float32, exactly as
 * {@link NetworkSpec#standardise} does, so that inputs with a large offset lose nothing. The layers are
 * {@code Gemm} (with DJL's [units, inputs] weights, hence transB = 1) and {@code Relu} or {@code Tanh}.
 * IR version 8 with opset 17, which ONNX Runtime has read since 1.13.
 */
public final class OnnxExport {
    private static final long IR_VERSION = 8;
    private static final long OPSET = 17;
    // TensorProto.DataType
    private static final int FLOAT = 1;
    private static final int DOUBLE = 11;
    // AttributeProto.AttributeType
    private static final int INT = 2;

    private OnnxExport() {}

    /** The ONNX bytes of an MLP built by {@code Networks.mlp} with the description {@code spec}. */
    public static byte[] model(NetworkSpec spec, Block block) {
        int features = spec.features().size();
        ProtoWriter graph = new ProtoWriter().string(2, "infera_" + spec.kind());
        List<ProtoWriter> nodes = new ArrayList<>();
        List<ProtoWriter> initializers = new ArrayList<>();
        initializers.add(doubles("mean", spec.mean()));
        initializers.add(doubles("std", spec.std()));
        nodes.add(node("Sub", "centre", List.of("features", "mean"), "centred"));
        nodes.add(node("Div", "standardise", List.of("centred", "std"), "standardised64"));
        nodes.add(node("Cast", "to_float32", List.of("standardised64"), "h0").message(5, intAttribute("to", FLOAT)));
        List<Parameter> parameters = block.getParameters().values();
        int layers = parameters.size() / 2;
        String h = "h0";
        for (int layer = 0; layer < layers; layer++) {
            NDArray weight = parameters.get(2 * layer).getArray();
            NDArray bias = parameters.get(2 * layer + 1).getArray();
            String w = "W" + layer, b = "b" + layer;
            initializers.add(floats(w, weight.getShape().getShape(), weight.toFloatArray()));
            initializers.add(floats(b, bias.getShape().getShape(), bias.toFloatArray()));
            boolean last = layer == layers - 1;
            String linear = last ? "outputs" : "z" + (layer + 1);
            nodes.add(node("Gemm", "dense" + layer, List.of(h, w, b), linear).message(5, intAttribute("transB", 1)));
            if (!last) {
                h = "h" + (layer + 1);
                String op = spec.activation().equals("tanh") ? "Tanh" : "Relu";
                nodes.add(node(op, op.toLowerCase() + layer, List.of(linear), h));
            }
        }
        for (ProtoWriter n : nodes) graph.message(1, n);
        for (ProtoWriter t : initializers) graph.message(5, t);
        graph.message(11, valueInfo("features", DOUBLE, features));
        graph.message(12, valueInfo("outputs", FLOAT, spec.outputs()));
        ProtoWriter model = new ProtoWriter()
                .varint(1, IR_VERSION)
                .string(2, "infera")
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
        model.message(14, entry("kind", spec.kind()));
        model.message(14, entry("features", String.join(",", spec.features())));
        return model.toByteArray();
    }

    private static ProtoWriter node(String op, String name, List<String> inputs, String output) {
        ProtoWriter n = new ProtoWriter();
        for (String in : inputs) n.string(1, in);
        return n.string(2, output).string(3, name).string(4, op);
    }

    private static ProtoWriter intAttribute(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, INT);
    }

    private static ProtoWriter doubles(String name, double[] values) {
        ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) raw.putDouble(v);
        return tensor(name, new long[] {values.length}, DOUBLE, raw.array());
    }

    private static ProtoWriter floats(String name, long[] shape, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) raw.putFloat(v);
        return tensor(name, shape, FLOAT, raw.array());
    }

    private static ProtoWriter tensor(String name, long[] shape, int type, byte[] raw) {
        ProtoWriter t = new ProtoWriter();
        for (long d : shape) t.varint(1, d);
        return t.varint(2, type).string(8, name).bytes(9, raw);
    }

    /** A [events, width] tensor of the given element type, the events dimension left symbolic. */
    private static ProtoWriter valueInfo(String name, int type, int width) {
        ProtoWriter shape = new ProtoWriter()
                .message(1, new ProtoWriter().string(2, "events"))
                .message(1, new ProtoWriter().varint(1, width));
        ProtoWriter tensorType = new ProtoWriter().varint(1, type).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }

    private static ProtoWriter entry(String key, String value) {
        return new ProtoWriter().string(1, key).string(2, value);
    }
}
