import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;

/**
 * Reads typed option values the way Flink does: loads a configuration directory with
 * {@code GlobalConfiguration.loadConfiguration} and gets every key {@code k<id>} through an
 * option of the type named in the case list.
 *
 * <p>Usage: {@code java -cp <flink jars>:<classes> ValueOracle CONF_DIR CASES OUT}; CASES holds
 * lines {@code <id>\t<type>} with type one of bool int long float double dur mem enum; OUT gets
 * one JSON object a line: the id, and the value read or the chain of exception messages.
 */
public final class ValueOracle {
    public static void main(String[] args) throws Exception {
        Class<?> global = Class.forName("org.apache.flink.configuration.GlobalConfiguration");
        Object conf = global.getMethod("loadConfiguration", String.class).invoke(null, args[0]);
        Method get = conf.getClass().getMethod("get",
                Class.forName("org.apache.flink.configuration.ConfigOption"));
        List<String> cases = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        try (PrintWriter out = new PrintWriter(args[2], "UTF-8")) {
            for (String line : cases) {
                String[] parts = line.split("\t");
                Object option = option("k" + parts[0], parts[1]);
                StringBuilder b = new StringBuilder("{\"id\":").append(parts[0]).append(',');
                try {
                    Object value = get.invoke(conf, option);
                    b.append("\"value\":").append(CatalogDump.quote(String.valueOf(value)));
                } catch (java.lang.reflect.InvocationTargetException e) {
                    b.append("\"error\":[");
                    Throwable t = e.getCause();
                    for (int i = 0; t != null && i < 5; i++, t = t.getCause()) {
                        b.append(i == 0 ? "" : ",").append(CatalogDump.quote(
                                t.getClass().getName() + ": " + t.getMessage()));
                    }
                    b.append(']');
                }
                out.println(b.append('}'));
            }
        }
        System.exit(0);
    }

    private static Object option(String key, String type) throws Exception {
        Class<?> options = Class.forName("org.apache.flink.configuration.ConfigOptions");
        Object builder = options.getMethod("key", String.class).invoke(null, key);
        String method = switch (type) {
            case "bool" -> "booleanType";
            case "int" -> "intType";
            case "long" -> "longType";
            case "float" -> "floatType";
            case "double" -> "doubleType";
            case "dur" -> "durationType";
            case "mem" -> "memoryType";
            default -> null;
        };
        Object typed;
        if (method != null) {
            typed = builder.getClass().getMethod(method).invoke(builder);
        } else {
            Class<?> mode = Class.forName("org.apache.flink.api.common.RuntimeExecutionMode");
            typed = builder.getClass().getMethod("enumType", Class.class).invoke(builder, mode);
        }
        return typed.getClass().getMethod("noDefaultValue").invoke(typed);
    }
}
