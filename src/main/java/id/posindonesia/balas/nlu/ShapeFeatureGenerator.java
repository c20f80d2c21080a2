package id.posindonesia.balas.nlu;

import java.util.*;
import opennlp.tools.doccat.FeatureGenerator;

final class ShapeFeatureGenerator implements FeatureGenerator {
	static String MODE = "";
	@Override
	public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
		List<String> f = new ArrayList<>();
		if (MODE.contains("len")) f.add("len=" + (tokens.length <= 3 ? String.valueOf(tokens.length) : tokens.length <= 6 ? "4-6" : tokens.length <= 12 ? "7-12" : "13+"));
		if (MODE.contains("first") && tokens.length > 0) f.add("first=" + tokens[0]);
		if (MODE.contains("last") && tokens.length > 0) f.add("last=" + tokens[tokens.length - 1]);
		if (MODE.contains("only") && tokens.length == 1) f.add("only=" + tokens[0]);
		return f;
	}
}
