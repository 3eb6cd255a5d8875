package dev.platen.render;

import java.util.ArrayList;
import java.util.List;

/** The lcms profiles and transforms a conversion of PDF art opened, closed together when it is done. */
final class NativeHandles implements AutoCloseable {

    private final List<AutoCloseable> handles = new ArrayList<>();

    <T extends AutoCloseable> T add(T handle) {
        handles.add(handle);
        return handle;
    }

    @Override
    public void close() {
        for (AutoCloseable c : handles) {
            try {
                c.close();
            } catch (Exception ignored) {
                // native handles; nothing to report
            }
        }
    }
}
