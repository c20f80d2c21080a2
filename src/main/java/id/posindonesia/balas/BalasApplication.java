package id.posindonesia.balas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import id.posindonesia.balas.console.AgentCommandLine;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BalasApplication {

	private static final String IO_WORKERS = "reactor.netty.ioWorkerCount";

	static {
		// Reactor Netty starts at least four event loops; on a small host they compete with Lettuce's and Redis's
		// own threads for the cores. One loop per core took webhook ingest on 2 cores from ~11,100 to ~12,500/s.
		if (System.getProperty(IO_WORKERS) == null) {
			System.setProperty(IO_WORKERS, Integer.toString(Runtime.getRuntime().availableProcessors()));
		}
	}

	/** Runs Balas, or with {@code agents …} arguments the command line that manages agent accounts. */
	public static void main(String[] args) {
		if (AgentCommandLine.handles(args)) {
			AgentCommandLine.main(args);
			return;
		}
		SpringApplication.run(BalasApplication.class, args);
	}

}
