package id.posindonesia.balas.graph;

/**
 * A button under a message; tapping it sends {@code title} back as the customer's message, with {@code payload}.
 * Instagram shows at most 13, with titles of up to 20 characters.
 */
public record QuickReply(String payload, String title) {
}
