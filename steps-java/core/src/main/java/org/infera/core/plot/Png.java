package org.infera.core.plot;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.infera.core.io.AtomicOutput;
import org.infera.core.io.InferaOutputs;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Writes XChart charts as PNG, atomically and with the project's plain style. The image is drawn in
 * memory first (an exception inside XChart leaves no file), and carries the text chunk
 * {@code Software: infera} by which {@code --overwrite} recognises it as infera's.
 */
public final class Png {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 480;
    private static final int SIGNATURE_AND_IHDR = 8 + 4 + 4 + 13 + 4;

    private Png() {}

    public static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setPlotBorderVisible(true);
    }

    public static void write(Chart<?, ?> chart, Path png) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BitmapEncoder.saveBitmap(chart, bytes, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot draw " + png + ": " + e.getMessage(), e);
        }
        writeMarked(bytes.toByteArray(), png);
    }

    /** Several charts in a grid of {@code rows} × {@code columns}, as one image. */
    public static <T extends Chart<?, ?>> void write(List<T> charts, int rows, int columns, Path png) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BitmapEncoder.saveBitmap(charts, rows, columns, bytes, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot draw " + png + ": " + e.getMessage(), e);
        }
        writeMarked(bytes.toByteArray(), png);
    }

    private static void writeMarked(byte[] image, Path png) {
        byte[] marked = withText(image, InferaOutputs.PNG_KEYWORD, InferaOutputs.PNG_TEXT);
        AtomicOutput.write(png, tmp -> Files.write(tmp, marked));
    }

    /** The PNG with a tEXt chunk inserted right after its header chunk. */
    static byte[] withText(byte[] png, String keyword, String text) {
        byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length)
                .put("tEXt".getBytes(StandardCharsets.ISO_8859_1))
                .put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        byte[] out = new byte[png.length + chunk.capacity()];
        System.arraycopy(png, 0, out, 0, SIGNATURE_AND_IHDR);
        System.arraycopy(chunk.array(), 0, out, SIGNATURE_AND_IHDR, chunk.capacity());
        System.arraycopy(
                png, SIGNATURE_AND_IHDR, out, SIGNATURE_AND_IHDR + chunk.capacity(), png.length - SIGNATURE_AND_IHDR);
        return out;
    }
}
