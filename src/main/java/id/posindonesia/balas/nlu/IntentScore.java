package id.posindonesia.balas.nlu;

/**
 * An intent and how confident the classifier is in it, between 0 and 1.
 */
public record IntentScore(Intent name, double confidence) {
}
