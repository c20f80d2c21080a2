package id.posindonesia.balas.complaint;

public enum TicketStatus {

	OPEN, RESOLVED

}
