package dev.platen.color;

/**
 * lcms refused to build a transform (or a built-in profile), for example because a pixel format does not
 * match its profile's colour space. The message carries lcms's own reason.
 */
class ColorTransformFailed extends RuntimeException {

    public ColorTransformFailed(String message) {
        super(message);
    }
}
