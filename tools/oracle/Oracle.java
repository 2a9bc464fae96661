import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs real Flink's configuration loading and memory resolution on many config directories in
 * one JVM and writes one JSON object per directory.
 *
 * <p>Usage: {@code java -cp bash-java-utils.jar:flink-dist.jar:<classes> Oracle MODE LIST OUT}
 * where MODE is {@code memory} or {@code reader}, LIST holds lines {@code <id>\t<configDir>} and
 * OUT receives JSON lines. The memory mode does what {@code BashJavaUtils GET_TM_RESOURCE_PARAMS}
 * and {@code GET_JM_RESOURCE_PARAMS --configDir <dir>} do: it loads the configuration with
 * {@code FlinkConfigLoader.loadConfiguration} and calls BashJavaUtils' own private
 * {@code getTmResourceParams} / {@code getJmResourceParams}. The reader mode calls
 * {@code GlobalConfiguration.loadConfiguration(dir)}. Log lines are what the log4j2 console
 * appender shipped in bash-java-utils.jar prints; the config directory path is replaced by
 * {@code $CONF_DIR} so the output does not depend on where the directories live.
 *
 * <p>Only Flink's public and BashJavaUtils' own classes are touched, all by reflection, so the
 * same source compiles and runs against every Flink version.
 */
public final class Oracle {

    /** An output stream whose target can be swapped; log4j2 binds to it once at start-up. */
    private static final class Switch extends OutputStream {
        private final OutputStream real;
        private ByteArrayOutputStream capture;

        Switch(OutputStream real) {
            this.real = real;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (capture != null) {
                capture.write(b);
            } else {
                real.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (capture != null) {
                capture.write(b, off, len);
            } else {
                real.write(b, off, len);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            real.flush();
        }

        synchronized void start() {
            capture = new ByteArrayOutputStream();
        }

        synchronized String take() {
            String s = capture == null ? "" : capture.toString(StandardCharsets.UTF_8);
            capture = new ByteArrayOutputStream();
            return s;
        }

        synchronized void stop() {
            capture = null;
        }
    }

    private static Switch out;
    private static String confDir = "";

    private Oracle() {}

    public static void main(String[] args) throws Exception {
        for (String var : new String[] {"FLINK_TM_HEAP", "FLINK_JM_HEAP"}) {
            if (System.getenv(var) != null) {
                throw new IllegalStateException(var + " must not be set: Flink reads it");
            }
        }
        out = new Switch(new java.io.FileOutputStream(java.io.FileDescriptor.out));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        // Start logging now, uncaptured: its one-off start-up notices belong to no case.
        Class.forName("org.slf4j.LoggerFactory").getMethod("getLogger", Class.class).invoke(null, Oracle.class);
        String mode = args[0];
        List<String> lines = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        try (PrintStream sink =
                new PrintStream(Files.newOutputStream(Paths.get(args[2])), false, "UTF-8")) {
            for (String line : lines) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                confDir = Paths.get(parts[1]).toAbsolutePath().toString();
                String json =
                        "memory".equals(mode)
                                ? memoryCase(parts[0], parts[1])
                                : readerCase(parts[0], parts[1]);
                sink.println(json);
            }
        }
        out.stop();
    }

    // ---------------------------------------------------------------- memory mode

    private static String memoryCase(String id, String dir) {
        String[] cliArgs = {"--configDir", dir};
        StringBuilder sb = new StringBuilder();
        sb.append("{\"id\":").append(str(id));
        out.start();
        try {
            Object conf = loadViaBashUtils(cliArgs);
            sb.append(",\"load\":{\"ok\":true,\"error\":null");
            sb.append(",\"logs\":").append(logs(out.take())).append('}');
            sb.append(",\"effective\":").append(effective(conf));
        } catch (Throwable t) {
            sb.append(",\"load\":{\"ok\":false,\"error\":").append(chain(t));
            sb.append(",\"logs\":").append(logs(out.take())).append('}');
            sb.append(",\"effective\":null");
        }
        sb.append(",\"taskmanager\":").append(role(cliArgs, "getTmResourceParams"));
        sb.append(",\"jobmanager\":").append(role(cliArgs, "getJmResourceParams"));
        out.stop();
        return sb.append('}').toString();
    }

    /** One BashJavaUtils command: load (as the command does), then resolve; logs after load. */
    private static String role(String[] cliArgs, String method) {
        StringBuilder sb = new StringBuilder("{");
        out.take();
        try {
            Object conf = loadViaBashUtils(cliArgs);
            out.take();
            Class<?> utils = Class.forName("org.apache.flink.runtime.util.bash.BashJavaUtils");
            Method m = utils.getDeclaredMethod(method, conf.getClass());
            m.setAccessible(true);
            List<?> result = (List<?>) invoke(m, null, conf);
            sb.append("\"ok\":true");
            sb.append(",\"jvm_args\":").append(str(result.size() > 0 ? (String) result.get(0) : null));
            sb.append(",\"dynamic_configs\":")
                    .append(str(result.size() > 1 ? (String) result.get(1) : null));
            sb.append(",\"error\":null");
        } catch (Throwable t) {
            sb.append("\"ok\":false,\"jvm_args\":null,\"dynamic_configs\":null");
            sb.append(",\"error\":").append(chain(t));
        }
        sb.append(",\"logs\":").append(logs(out.take()));
        return sb.append('}').toString();
    }

    private static Object loadViaBashUtils(String[] cliArgs) throws Throwable {
        Class<?> loader = Class.forName("org.apache.flink.runtime.util.bash.FlinkConfigLoader");
        Method m = loader.getMethod("loadConfiguration", String[].class);
        return invoke(m, null, (Object) cliArgs);
    }

    // ---------------------------------------------------------------- reader mode

    private static String readerCase(String id, String dir) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"id\":").append(str(id));
        out.start();
        try {
            Class<?> global = Class.forName("org.apache.flink.configuration.GlobalConfiguration");
            Method m = global.getMethod("loadConfiguration", String.class);
            Object conf = invoke(m, null, dir);
            String effective = effective(conf);
            sb.append(",\"ok\":true,\"effective\":").append(effective).append(",\"error\":null");
        } catch (Throwable t) {
            sb.append(",\"ok\":false,\"effective\":null,\"error\":").append(chain(t));
        }
        sb.append(",\"logs\":").append(logs(out.take()));
        out.stop();
        return sb.append('}').toString();
    }

    // ---------------------------------------------------------------- helpers

    private static Object invoke(Method m, Object target, Object... args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String effective(Object conf) throws Throwable {
        Method toMap = conf.getClass().getMethod("toMap");
        Map<?, ?> map = (Map<?, ?>) invoke(toMap, conf);
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            sorted.put(String.valueOf(e.getKey()), e.getValue() == null ? null : e.getValue().toString());
        }
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(str(e.getKey())).append(':').append(str(e.getValue()));
        }
        return sb.append('}').toString();
    }

    /**
     * One level of an exception chain: {@code <class name>: <message>}, or the class name alone
     * when there is no message. This is what {@code Caused by:} shows, except for the few
     * exceptions that override {@code toString()} (snakeyaml-engine's ReaderException).
     */
    private static String level(Throwable t) {
        String message = t.getLocalizedMessage();
        return message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
    }

    /** The exception chain, top first, one {@link #level} per cause. */
    private static String chain(Throwable t) {
        List<String> levels = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable c = t; c != null && !seen.containsKey(c); c = c.getCause()) {
            seen.put(c, true);
            levels.add(scrub(level(c)));
        }
        return array(levels);
    }

    private static String logs(String captured) {
        List<String> lines = new ArrayList<>();
        for (String line : captured.split("\r?\n", -1)) {
            if (!isStackFrame(line)) {
                lines.add(scrub(line));
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return array(lines);
    }

    /** Stack frames of logged exceptions name Flink's source lines: noise, dropped. */
    static boolean isStackFrame(String line) {
        return line.startsWith("\tat ") || line.startsWith("\t... ");
    }

    private static String scrub(String s) {
        return confDir.isEmpty() ? s : s.replace(confDir, "$CONF_DIR");
    }

    private static String array(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(str(items.get(i)));
        }
        return sb.append(']').toString();
    }

    private static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
