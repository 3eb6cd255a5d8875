package dev.platen.color;

import org.jspecify.annotations.Nullable;

/** What a profile describes, from its ICC header: a camera or scanner, a screen, a press, a link... */
enum DeviceClass {
    INPUT(LittleCms.SIG_INPUT_CLASS),
    DISPLAY(LittleCms.SIG_DISPLAY_CLASS),
    OUTPUT(LittleCms.SIG_OUTPUT_CLASS),
    DEVICE_LINK(LittleCms.SIG_LINK_CLASS),
    ABSTRACT(LittleCms.SIG_ABSTRACT_CLASS),
    COLOR_SPACE(LittleCms.SIG_COLOR_SPACE_CLASS),
    NAMED_COLOR(LittleCms.SIG_NAMED_COLOR_CLASS);

    private final int signature;

    DeviceClass(int signature) {
        this.signature = signature;
    }

    static @Nullable DeviceClass ofSignature(int signature) {
        for (DeviceClass deviceClass : values()) {
            if (deviceClass.signature == signature) {
                return deviceClass;
            }
        }
        return null;
    }
}
