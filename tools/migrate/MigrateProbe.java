import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;

/**
 * Reads list and map options the way Flink's code does, from configuration directories.
 *
 * <p>Usage: {@code java -cp <flink jars>:<classes> MigrateProbe LIST OUT}. Each line of LIST is
 * {@code <id>\t<configDir>} followed by {@code \t<key>\t<type>} pairs, type one of {@code list}
 * (a list of strings), {@code map} or {@code list:map}. For each line, OUT gets one JSON object:
 * the id and, per key, the value {@code Configuration.get} returns for an option of that key
 * and type (a JSON array or object), {@code null} when unset, or {@code {"error": <message>}}.
 */
public final class MigrateProbe {

    private MigrateProbe() {}

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8);
        try (PrintStream out = new PrintStream(Files.newOutputStream(Paths.get(args[1])), false, "UTF-8")) {
            for (String line : lines) {
                if (!line.isEmpty()) {
                    out.println(probe(line.split("\t", -1)));
                }
            }
        }
    }

    private static String probe(String[] parts) {
        StringBuilder sb = new StringBuilder("{\"id\":").append(json(parts[0])).append(",\"values\":{");
        Configuration conf;
        try {
            conf = GlobalConfiguration.loadConfiguration(parts[1]);
        } catch (Throwable t) {
            return sb.append("},\"error\":").append(json(String.valueOf(t))).append('}').toString();
        }
        for (int i = 2; i + 1 < parts.length; i += 2) {
            if (i > 2) {
                sb.append(',');
            }
            sb.append(json(parts[i])).append(':');
            try {
                sb.append(json(conf.get(option(parts[i], parts[i + 1]))));
            } catch (Throwable t) {
                sb.append("{\"error\":").append(json(String.valueOf(t))).append('}');
            }
        }
        return sb.append("},\"error\":null}").toString();
    }

    private static ConfigOption<?> option(String key, String type) {
        switch (type) {
            case "map":
                return ConfigOptions.key(key).mapType().noDefaultValue();
            case "list:map":
                return ConfigOptions.key(key).mapType().asList().noDefaultValue();
            default:
                return ConfigOptions.key(key).stringType().asList().noDefaultValue();
        }
    }

    private static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List) {
            StringBuilder sb = new StringBuilder("[");
            for (Object item : (List<?>) value) {
                sb.append(sb.length() > 1 ? "," : "").append(json(item));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : new TreeMap<Object, Object>((Map<?, ?>) value).entrySet()) {
                sb.append(sb.length() > 1 ? "," : "");
                sb.append(json(String.valueOf(e.getKey()))).append(':').append(json(e.getValue()));
            }
            return sb.append('}').toString();
        }
        String s = String.valueOf(value);
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029 || (c >= 0x7f && c <= 0x9f)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
