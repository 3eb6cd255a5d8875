package dev.platen.orders;

/** Where a stored print file belongs: its order and placement, for naming a download. */
public record PrintFileLocation(String orderId, String placementId, String product, String placement, String tier,
                                PrintFileRecord file) {
}
