package id.posindonesia.balas.nlu;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import opennlp.tools.doccat.FeatureGenerator;

/**
 * The shape of a message rather than its words: how long it is and how it starts and ends. A bare
 * "halo pos" is a greeting while "halo pos nomornya berapa" asks for the call centre, and messages
 * open and close with their intent ("makasih …", "… dong min") more often than not.
 */
final class MessageShapeFeatureGenerator implements FeatureGenerator {

	@Override
	public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
		if (tokens.length == 0) {
			return List.of("len=0");
		}
		return List.of("len=" + lengthBucket(tokens.length), "first=" + tokens[0], "last=" + tokens[tokens.length - 1]);
	}

	private static String lengthBucket(int tokens) {
		if (tokens <= 3) {
			return String.valueOf(tokens);
		}
		return tokens <= 6 ? "4-6" : tokens <= 12 ? "7-12" : "13+";
	}

}
