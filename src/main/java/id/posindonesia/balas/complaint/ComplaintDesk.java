package id.posindonesia.balas.complaint;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import id.posindonesia.balas.config.LuaScript;
import id.posindonesia.balas.config.Masking;

/**
 * Opens, finds and resolves complaint tickets. Opening a ticket also enqueues its report to the contact center
 * (CCH), in the same atomic step; {@link CchReportOutbox} delivers it.
 */
@Service
public class ComplaintDesk {

	private static final Logger log = LoggerFactory.getLogger(ComplaintDesk.class);

	private static final RedisScript<String> OPEN = LuaScript.load("open-ticket", String.class);

	private static final RedisScript<Long> RESOLVE = LuaScript.load("resolve-ticket", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final ComplaintProperties properties;

	ComplaintDesk(ReactiveStringRedisTemplate redis, ComplaintProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Stores a new ticket with its report queued for delivery. Opening again with the same
	 * {@link NewComplaint#requestKey() request key} returns the ticket opened first, unchanged.
	 */
	public Mono<Ticket> open(NewComplaint complaint) {
		// stored to the millisecond, so the ticket returned is the ticket found later
		Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		int year = createdAt.atZone(properties.zone()).getYear();
		String description = PhoneNumbers.redact(complaint.description().strip());
		// a number taken by an open that then fails is skipped: ids are unique, not gapless
		return redis.opsForValue()
			.increment(ComplaintKeys.counter(year))
			.map(counter -> Ticket.opened(TicketId.of(year, counter), complaint, description, createdAt))
			.flatMap(ticket -> store(ticket, complaint.requestKey()));
	}

	private Mono<Ticket> store(Ticket ticket, String requestKey) {
		List<String> keys = new ArrayList<>(List.of(ComplaintKeys.ticket(ticket.id()), ComplaintKeys.TICKETS,
				ComplaintKeys.conversationTickets(ticket.conversationId()), ComplaintKeys.OUTBOX));
		if (requestKey != null) {
			keys.add(ComplaintKeys.request(requestKey));
		}
		List<String> args = new ArrayList<>(List.of(ticket.id(), Long.toString(ticket.createdAt().toEpochMilli()),
				Long.toString(properties.requestKeyTtl().toSeconds())));
		ticket.toFields().forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		return redis.execute(OPEN, keys, args).next().flatMap(storedId -> {
			if (!storedId.equals(ticket.id())) {
				return find(storedId);
			}
			log.info("Opened ticket {} ({}, priority {}) for customer {}", ticket.id(), ticket.category(),
					ticket.priority(), Masking.id(ticket.customerId()));
			return Mono.just(ticket);
		});
	}

	/** The ticket, or empty when there is none with that id. */
	public Mono<Ticket> find(String id) {
		if (!TicketId.isWellFormed(id)) {
			return Mono.empty();
		}
		return redis.<String, String>opsForHash()
			.entries(ComplaintKeys.ticket(id))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.filter(fields -> !fields.isEmpty())
			.map(Ticket::fromFields);
	}

	/** The newest tickets, newest first. */
	public Flux<Ticket> recent(int limit) {
		return newestFirst(ComplaintKeys.TICKETS, limit);
	}

	/** The conversation's tickets, newest first. */
	public Flux<Ticket> inConversation(String conversationId, int limit) {
		return newestFirst(ComplaintKeys.conversationTickets(conversationId), limit);
	}

	private Flux<Ticket> newestFirst(String index, int limit) {
		if (limit < 1) {
			return Flux.empty();
		}
		return redis.opsForZSet().reverseRange(index, Range.closed(0L, limit - 1L)).flatMapSequential(this::find);
	}

	/** Closes the ticket with how it ended (a later call replaces the outcome); empty for an unknown ticket. */
	public Mono<Ticket> resolve(String id, String outcome) {
		if (outcome == null || outcome.isBlank()) {
			return Mono.error(new IllegalArgumentException("outcome must not be blank"));
		}
		if (!TicketId.isWellFormed(id)) {
			return Mono.empty();
		}
		return redis
			.execute(RESOLVE, List.of(ComplaintKeys.ticket(id)),
					List.of(outcome, Long.toString(Instant.now().toEpochMilli())))
			.next()
			.filter(resolved -> resolved == 1L)
			.flatMap(resolved -> find(id));
	}

}
