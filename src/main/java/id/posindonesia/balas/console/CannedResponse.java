package id.posindonesia.balas.console;

/** A ready-made reply that an agent puts into the reply box and may edit before sending. */
record CannedResponse(String key, String title, String text) {
}
