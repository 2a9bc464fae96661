import java.io.File;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lists every ConfigOption that the classes of some jars declare, one JSON object a line.
 *
 * <p>Usage: {@code java CatalogDump OUT SCAN_JAR... -- EXTRA_CLASSPATH_JAR...}. Only the jars
 * before {@code --} are scanned; all jars are on the class path. A class is looked at only when
 * its bytes mention {@code org/apache/flink/configuration/ConfigOption}. Classes are loaded
 * without being initialised; reading a static field initialises its class, and any failure
 * there skips the class.
 */
public final class CatalogDump {
    private static final byte[] MARKER =
            "org/apache/flink/configuration/ConfigOption".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        List<File> scan = new ArrayList<>();
        List<URL> urls = new ArrayList<>();
        boolean extra = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--")) {
                extra = true;
                continue;
            }
            File f = new File(args[i]);
            urls.add(f.toURI().toURL());
            if (!extra) {
                scan.add(f);
            }
        }
        ClassLoader loader =
                new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        Class<?> optionClass = Class.forName("org.apache.flink.configuration.ConfigOption", false, loader);
        TreeSet<String> candidates = new TreeSet<>();
        for (File jar : scan) {
            collect(jar, candidates);
        }
        try (PrintWriter out = new PrintWriter(args[0], "UTF-8")) {
            for (String name : candidates) {
                dumpClass(name, loader, optionClass, out);
            }
        }
        System.exit(0);
    }

    private static void collect(File jar, TreeSet<String> candidates) throws Exception {
        try (JarFile file = new JarFile(jar)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/")
                        || name.contains("module-info")) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    if (contains(in.readAllBytes(), MARKER)) {
                        candidates.add(name.substring(0, name.length() - 6).replace('/', '.'));
                    }
                }
            }
        }
    }

    private static boolean contains(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void dumpClass(String name, ClassLoader loader, Class<?> optionClass, PrintWriter out) {
        Class<?> cls;
        try {
            cls = Class.forName(name, false, loader);
        } catch (Throwable t) {
            return;
        }
        boolean classDeprecated = cls.isAnnotationPresent(Deprecated.class);
        try {
            for (Field field : cls.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())
                        || !optionClass.isAssignableFrom(field.getType())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object option = field.get(null);
                    if (option != null) {
                        out.println(describe(option, cls, field.getName(), "field",
                                Modifier.isPublic(field.getModifiers()),
                                field.isAnnotationPresent(Deprecated.class), classDeprecated));
                    }
                } catch (Throwable t) {
                    return;
                }
            }
            for (Method method : cls.getDeclaredMethods()) {
                if (!Modifier.isStatic(method.getModifiers()) || !Modifier.isPublic(method.getModifiers())
                        || method.getParameterCount() != 0
                        || !optionClass.isAssignableFrom(method.getReturnType())) {
                    continue;
                }
                try {
                    Object option = method.invoke(null);
                    if (option != null) {
                        out.println(describe(option, cls, method.getName(), "method", true,
                                method.isAnnotationPresent(Deprecated.class), classDeprecated));
                    }
                } catch (Throwable t) {
                    // a getter that fails is skipped
                }
            }
        } catch (Throwable t) {
            // classes whose members cannot be resolved are skipped
        }
    }

    private static String describe(Object option, Class<?> cls, String member, String kind,
            boolean isPublic, boolean deprecated, boolean classDeprecated) throws Exception {
        Class<?> oc = option.getClass();
        while (!oc.getName().equals("org.apache.flink.configuration.ConfigOption")) {
            oc = oc.getSuperclass();
        }
        String key = (String) read(oc, option, "key");
        Class<?> type = (Class<?>) read(oc, option, "clazz");
        boolean list = (Boolean) read(oc, option, "isList");
        Object def = read(oc, option, "defaultValue");
        Object[] fallbacks = (Object[]) read(oc, option, "fallbackKeys");
        StringBuilder b = new StringBuilder("{");
        field(b, "class", cls.getName()).append(',');
        field(b, "member", member).append(',');
        field(b, "kind", kind).append(',');
        b.append("\"public\":").append(isPublic).append(',');
        b.append("\"deprecated\":").append(deprecated).append(',');
        b.append("\"classDeprecated\":").append(classDeprecated).append(',');
        field(b, "key", key).append(',');
        field(b, "type", type == null ? null : type.getName()).append(',');
        b.append("\"list\":").append(list).append(',');
        field(b, "default", def == null ? null : render(def, loaderOf(cls))).append(',');
        b.append("\"fallback\":[");
        for (int i = 0; fallbacks != null && i < fallbacks.length; i++) {
            Object fk = fallbacks[i];
            b.append(i == 0 ? "" : ",").append('[');
            b.append(quote((String) read(fk.getClass(), fk, "key"))).append(',');
            b.append(read(fk.getClass(), fk, "isDeprecated")).append(']');
        }
        b.append("],");
        b.append("\"enum\":");
        if (type != null && type.isEnum()) {
            b.append('[');
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                b.append(i == 0 ? "" : ",").append('[');
                b.append(quote(((Enum<?>) constants[i]).name())).append(',');
                b.append(quote(String.valueOf(constants[i]))).append(']');
            }
            b.append(']');
        } else {
            b.append("null");
        }
        b.append(',');
        field(b, "desc", description(option, oc));
        return b.append('}').toString();
    }

    private static ClassLoader loaderOf(Class<?> cls) {
        return cls.getClassLoader();
    }

    private static String render(Object value, ClassLoader loader) {
        try {
            Class<?> utils = Class.forName("org.apache.flink.configuration.ConfigurationUtils", false, loader);
            for (Method m : utils.getDeclaredMethods()) {
                if (!m.getName().equals("convertToString")) {
                    continue;
                }
                m.setAccessible(true);
                if (m.getParameterCount() == 1) {
                    return (String) m.invoke(null, value);
                }
                if (m.getParameterCount() == 2 && m.getParameterTypes()[1] == boolean.class) {
                    return (String) m.invoke(null, value, false);
                }
            }
        } catch (Throwable t) {
            // fall through
        }
        return String.valueOf(value);
    }

    private static String description(Object option, Class<?> oc) {
        try {
            Object d = read(oc, option, "description");
            ClassLoader loader = option.getClass().getClassLoader();
            Class<?> fmt = Class.forName(
                    "org.apache.flink.configuration.description.HtmlFormatter", true, loader);
            Object formatter = fmt.getDeclaredConstructor().newInstance();
            for (Method m : fmt.getMethods()) {
                if (m.getName().equals("format") && m.getParameterCount() == 1
                        && m.getParameterTypes()[0].isInstance(d)) {
                    String text = (String) m.invoke(formatter, d);
                    return text.length() > 2000 ? text.substring(0, 2000) : text;
                }
            }
        } catch (Throwable t) {
            // no description
        }
        return null;
    }

    private static Object read(Class<?> cls, Object obj, String name) throws Exception {
        Field f = cls.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(obj);
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        return b.append(quote(name)).append(':').append(value == null ? "null" : quote(value));
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
