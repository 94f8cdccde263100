package io.tongban.routes.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The head row keeps the tree's right edge (its peaks, largest first) as one concatenated column. */
final class Peaks {

    private Peaks() {
    }

    static byte[] join(List<byte[]> peaks) {
        byte[] all = new byte[peaks.stream().mapToInt(h -> h.length).sum()];
        int offset = 0;
        for (byte[] peak : peaks) {
            System.arraycopy(peak, 0, all, offset, peak.length);
            offset += peak.length;
        }
        return all;
    }

    static List<byte[]> split(byte[] joined, int hashLength) {
        List<byte[]> peaks = new ArrayList<>();
        for (int offset = 0; offset < joined.length; offset += hashLength) {
            peaks.add(Arrays.copyOfRange(joined, offset, offset + hashLength));
        }
        return peaks;
    }
}
