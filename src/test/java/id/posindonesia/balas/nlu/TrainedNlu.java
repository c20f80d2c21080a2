package id.posindonesia.balas.nlu;

/**
 * One service trained with the default settings from the intents on the classpath, shared by the
 * tests that need a real model so that it is trained once per test run.
 */
final class TrainedNlu {

	static final NluService SERVICE = NluService.train(NluProperties.defaults());

	private TrainedNlu() {
	}

}
