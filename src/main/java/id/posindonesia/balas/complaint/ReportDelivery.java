package id.posindonesia.balas.complaint;

import java.time.Instant;

/**
 * @param attempts delivery attempts made so far
 * @param lastError why the last failed attempt failed, or null
 * @param deliveredAt when the endpoint accepted it, or null
 */
public record ReportDelivery(ReportStatus status, int attempts, String lastError, Instant deliveredAt) {
}
