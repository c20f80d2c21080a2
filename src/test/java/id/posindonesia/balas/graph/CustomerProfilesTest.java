package id.posindonesia.balas.graph;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import id.posindonesia.balas.BalasIntegrationTest;
import id.posindonesia.balas.config.InstagramProperties;
import id.posindonesia.balas.sandbox.Sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** Customer profiles read from the sandbox Graph API and cached in the embedded Redis. */
@BalasIntegrationTest
class CustomerProfilesTest {

	private static final String ACCOUNT = "17841400000000012";

	@Autowired
	private CustomerProfiles profiles;

	@Autowired
	private GraphClient graph;

	@Autowired
	private Sandbox sandbox;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private InstagramProperties instagram;

	@Autowired
	private CustomerProfileProperties properties;

	private final List<StubMapping> stubs = new ArrayList<>();

	@AfterEach
	void removeStubs() {
		stubs.forEach(sandbox.server()::removeStub);
	}

	@Test
	void readsTheProfileWithTheAppSecretProofAndCachesItForADay() {
		String customer = customer();
		stub(profileOf(customer).willReturn(okJson("""
				{"id":"%s","username":"toko.batik.solo","follower_count":52000}""".formatted(customer))));

		CustomerProfile first = profiles.find(ACCOUNT, customer).block(Duration.ofSeconds(10));
		CustomerProfile second = profiles.find(ACCOUNT, customer).block(Duration.ofSeconds(10));

		assertThat(first).isEqualTo(new CustomerProfile("toko.batik.solo", 52_000L));
		assertThat(second).isEqualTo(first);
		assertThat(readsOf(customer)).singleElement().satisfies(read -> {
			assertThat(read.queryParameter("fields").firstValue()).isEqualTo("username,follower_count");
			assertThat(read.queryParameter("access_token").firstValue()).isEqualTo(instagram.accessToken());
			assertThat(read.queryParameter("appsecret_proof").firstValue()).isEqualTo(appSecretProof());
		});
		assertThat(ttlOf(customer)).isGreaterThan(properties.unknownTtl()).isLessThanOrEqualTo(properties.cacheTtl());
	}

	@Test
	void aProfileWithoutAFollowerCountIsFoundWithAnUnknownCount() {
		String customer = customer();
		stub(profileOf(customer).willReturn(okJson("{\"id\":\"" + customer + "\",\"username\":\"rina.w\"}")));

		assertThat(profiles.find(ACCOUNT, customer).block(Duration.ofSeconds(10)))
			.isEqualTo(new CustomerProfile("rina.w", null));
	}

	@Test
	void aFailedReadGivesAnUnknownProfileThatIsTriedAgainSoon() {
		String customer = customer();
		stub(profileOf(customer).willReturn(aResponse().withStatus(500).withBody("{}")));

		CustomerProfile profile = profiles.find(ACCOUNT, customer).block(Duration.ofSeconds(10));

		assertThat(profile).isEqualTo(CustomerProfile.UNKNOWN);
		// retried as a transient failure, then remembered as unknown for minutes, not for the day
		assertThat(readsOf(customer)).hasSize(3);
		assertThat(ttlOf(customer)).isPositive().isLessThanOrEqualTo(properties.unknownTtl());
		assertThat(profiles.find(ACCOUNT, customer).block(Duration.ofSeconds(10))).isEqualTo(CustomerProfile.UNKNOWN);
		assertThat(readsOf(customer)).hasSize(3);
	}

	@Test
	void aRefusedReadIsNotRetriedAndGivesAnUnknownProfile() {
		String customer = customer();
		stub(profileOf(customer).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"User consent is required\",\"type\":\"OAuthException\",\"code\":230}}")));

		assertThat(profiles.find(ACCOUNT, customer).block(Duration.ofSeconds(10))).isEqualTo(CustomerProfile.UNKNOWN);
		assertThat(readsOf(customer)).hasSize(1);
	}

	@Test
	void aSlowGraphApiDoesNotHoldTheLookupPastItsTimeout() {
		String customer = customer();
		stub(profileOf(customer).willReturn(okJson("{\"username\":\"lambat\",\"follower_count\":1}")
			.withFixedDelay((int) properties.timeout().plusSeconds(2).toMillis())));

		long started = System.nanoTime();
		CustomerProfile profile = profiles.find(ACCOUNT, customer).block(Duration.ofSeconds(20));

		assertThat(profile).isEqualTo(CustomerProfile.UNKNOWN);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(properties.timeout().plusSeconds(1));
	}

	@Test
	void anIdThatIsNotAnInstagramScopedIdNeverReachesTheGraphApi() {
		assertThat(profiles.find(ACCOUNT, "me/messages").block(Duration.ofSeconds(10)))
			.isEqualTo(CustomerProfile.UNKNOWN);
		assertThat(sandbox.server().findAll(getRequestedFor(urlPathMatching("/v[0-9.]+/me/.*")))).isEmpty();
	}

	@Test
	void theSandboxKnowsCustomersWithManyFollowers() {
		assertThat(graph.profile("6999000000000001").block(Duration.ofSeconds(10)))
			.isEqualTo(new CustomerProfile("jalan.jalan.nusantara", 750_000L));
		assertThat(graph.profile("6999000000000002").block(Duration.ofSeconds(10)).followerCount())
			.isEqualTo(1_200_000L);
		String other = customer();
		assertThat(graph.profile(other).block(Duration.ofSeconds(10)))
			.isEqualTo(new CustomerProfile("pelanggan_" + other, 120L));
	}

	@Test
	void hundredsOfCustomersAtOnceEachGetTheirOwnProfileReadOnce() {
		List<String> customers = IntStream.range(0, 300).mapToObj(i -> customer()).distinct().toList();

		Map<String, CustomerProfile> found = Flux.fromIterable(customers)
			.flatMap(customer -> profiles.find(ACCOUNT, customer).map(profile -> Map.entry(customer, profile)), 300)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block(Duration.ofSeconds(30));
		Flux.fromIterable(customers).flatMap(customer -> profiles.find(ACCOUNT, customer)).blockLast(Duration.ofSeconds(30));

		assertThat(found).hasSize(customers.size())
			.allSatisfy((customer, profile) -> assertThat(profile).isEqualTo(new CustomerProfile("pelanggan_" + customer, 120L)));
		assertThat(customers).allSatisfy(customer -> assertThat(readsOf(customer)).hasSize(1));
	}

	private Duration ttlOf(String customer) {
		return redis.getExpire(CustomerProfiles.key(customer)).block(Duration.ofSeconds(5));
	}

	private MappingBuilder profileOf(String customer) {
		return get(urlPathMatching("/v[0-9.]+/" + customer)).atPriority(0);
	}

	private List<LoggedRequest> readsOf(String customer) {
		return sandbox.server().findAll(getRequestedFor(urlPathMatching("/v[0-9.]+/" + customer)));
	}

	private void stub(MappingBuilder mapping) {
		stubs.add(sandbox.server().stubFor(mapping));
	}

	private String appSecretProof() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(instagram.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(instagram.accessToken().getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String customer() {
		return Long.toString(6_400_000_000_000_000L + (long) (Math.random() * 1_000_000_000_000L));
	}

}
