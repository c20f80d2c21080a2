package id.posindonesia.balas.nlu;

/**
 * An example message and the intent it was written for.
 */
record LabeledText(Intent intent, String text) {
}
