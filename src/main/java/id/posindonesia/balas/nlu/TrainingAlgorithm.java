package id.posindonesia.balas.nlu;

import opennlp.tools.ml.maxent.GISTrainer;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.naivebayes.NaiveBayesTrainer;
import opennlp.tools.ml.perceptron.PerceptronTrainer;

/**
 * The OpenNLP trainers compared by the evaluation.
 */
public enum TrainingAlgorithm {

	/** Maximum entropy trained with generalised iterative scaling. */
	MAXENT(GISTrainer.MAXENT_VALUE),

	/** Maximum entropy trained with L-BFGS and L1/L2 regularisation. */
	MAXENT_QN(QNTrainer.MAXENT_QN_VALUE),

	NAIVE_BAYES(NaiveBayesTrainer.NAIVE_BAYES_VALUE),

	PERCEPTRON(PerceptronTrainer.PERCEPTRON_VALUE);

	private final String openNlpName;

	TrainingAlgorithm(String openNlpName) {
		this.openNlpName = openNlpName;
	}

	String openNlpName() {
		return openNlpName;
	}

}
