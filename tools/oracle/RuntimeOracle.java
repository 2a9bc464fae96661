import java.io.*;
import java.lang.reflect.*;
import java.nio.file.*;
import java.util.*;

/** Asks real Flink (reflection only, so one build runs on every version) how it reads run-time
 * memory options: state backend, managed-memory consumer weights, runtime mode, RocksDB memory. */
public class RuntimeOracle {
    static ClassLoader cl = RuntimeOracle.class.getClassLoader();

    static Class<?> cls(String... names) {
        for (String n : names) {
            try { return Class.forName(n, true, cl); } catch (Throwable e) { }
        }
        return null;
    }

    static Method find(Class<?> c, String name, int params) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == params) { m.setAccessible(true); return m; }
        }
        return null;
    }

    static String q(Object o) {
        if (o == null) return "null";
        String s = o.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
        return "\"" + s + "\"";
    }

    static String err(Throwable t) {
        while (t instanceof InvocationTargetException && t.getCause() != null) t = t.getCause();
        StringBuilder b = new StringBuilder("{\"error\": [");
        boolean first = true;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (!first) b.append(", ");
            first = false;
            b.append(q(c.getClass().getName() + ": " + c.getMessage()));
            if (c.getCause() == c) break;
        }
        return b.append("]}").toString();
    }

    interface Probe { String run() throws Throwable; }

    static String probe(Probe p) {
        try { return p.run(); } catch (Throwable t) { return err(t); }
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Paths.get(args[0]));
        PrintStream out = new PrintStream(new FileOutputStream(args[1]), true, "UTF-8");
        String id = null; Map<String, String> map = null; long managed = -1;
        List<Object[]> cases = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#case ")) {
                if (id != null) cases.add(new Object[]{id, map, managed});
                id = line.substring(6).trim(); map = new LinkedHashMap<>(); managed = -1;
            } else if (line.startsWith("#managed ")) {
                managed = Long.parseLong(line.substring(9).trim());
            } else if (!line.isEmpty()) {
                int tab = line.indexOf('\t');
                map.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        if (id != null) cases.add(new Object[]{id, map, managed});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked") Map<String, String> m = (Map<String, String>) c[1];
            out.println(one((String) c[0], m, (Long) c[2]));
        }
    }

    static String one(String id, Map<String, String> map, long managed) throws Exception {
        Class<?> confC = cls("org.apache.flink.configuration.Configuration");
        Object conf = find(confC, "fromMap", 1).invoke(null, map);
        Class<?> loader = cls("org.apache.flink.runtime.state.StateBackendLoader");
        Class<?> mmu = cls("org.apache.flink.runtime.util.config.memory.ManagedMemoryUtils");
        Class<?> ucC = cls("org.apache.flink.core.memory.ManagedMemoryUseCase");
        StringBuilder b = new StringBuilder("{\"id\": " + q(id));
        b.append(", \"backend\": ").append(probe(() -> {
            Object be = find(loader, "loadStateBackendFromConfig", 3).invoke(null, conf, cl, null);
            return q(be == null ? null : be.getClass().getName());
        }));
        b.append(", \"backend_uses_managed\": ").append(probe(() -> {
            Method mm = find(loader, "stateBackendFromApplicationOrConfigOrDefaultUseManagedMemory", 3);
            return String.valueOf(mm.invoke(null, conf, Optional.empty(), cl));
        }));
        b.append(", \"weights\": ").append(probe(() -> {
            Map<?, ?> w = (Map<?, ?>) find(mmu, "getManagedMemoryUseCaseWeightsFromConfig", 1).invoke(null, conf);
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : w.entrySet()) sorted.put(e.getKey().toString(), e.getValue());
            StringBuilder s = new StringBuilder("{");
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (s.length() > 1) s.append(", ");
                s.append(q(e.getKey())).append(": ").append(e.getValue());
            }
            return s.append("}").toString();
        }));
        // fraction of a slot each use case gets in a job whose only managed-memory use case it is
        Map<String, Double> fractions = new LinkedHashMap<>();
        b.append(", \"fractions\": ").append(probe(() -> {
            StringBuilder s = new StringBuilder("{");
            for (String name : new String[]{"OPERATOR", "STATE_BACKEND", "PYTHON"}) {
                Object uc = Enum.valueOf((Class) ucC, name);
                Set<Object> all = new HashSet<>(Collections.singleton(uc));
                Method f = find(mmu, "convertToFractionOfSlot", 6);
                Object v = f != null ? f.invoke(null, uc, 1.0, all, conf, Optional.empty(), cl)
                        : find(mmu, "convertToFractionOfSlot", 7).invoke(null, uc, 1.0, all, conf, conf, Optional.empty(), cl);
                fractions.put(name, (Double) v);
                if (s.length() > 1) s.append(", ");
                s.append(q(name)).append(": ").append(v);
            }
            return s.append("}").toString();
        }));
        b.append(", \"runtime_mode\": ").append(probe(() -> {
            Object opt = cls("org.apache.flink.configuration.ExecutionOptions").getField("RUNTIME_MODE").get(null);
            Object v = find(confC, "get", 1).invoke(conf, opt);
            return q(v);
        }));
        String pkg = cls("org.apache.flink.state.rocksdb.RocksDBMemoryConfiguration") != null
                ? "org.apache.flink.state.rocksdb." : "org.apache.flink.contrib.streaming.state.";
        Class<?> rmc = cls(pkg + "RocksDBMemoryConfiguration");
        Object[] memConf = new Object[1];
        b.append(", \"rocksdb\": ").append(probe(() -> {
            Object mc = find(rmc, "fromOtherAndConfiguration", 2).invoke(null, rmc.getConstructor().newInstance(), conf);
            memConf[0] = mc;
            Object fixed = find(rmc, "getFixedMemoryPerSlot", 0).invoke(mc);
            String validate = probe(() -> { find(rmc, "validate", 0).invoke(mc); return "null"; });
            Object perTm = "null";
            try {
                Object opt = cls(pkg + "RocksDBOptions").getField("FIX_PER_TM_MEMORY_SIZE").get(null);
                Object v = ((Optional<?>) find(confC, "getOptional", 1).invoke(conf, opt)).orElse(null);
                perTm = v == null ? "null" : String.valueOf(find(v.getClass(), "getBytes", 0).invoke(v));
            } catch (NoSuchFieldException e) {
                perTm = "\"absent\"";
            }
            return "{\"managed\": " + find(rmc, "isUsingManagedMemory", 0).invoke(mc)
                    + ", \"fixed_per_slot\": " + (fixed == null ? "null" : String.valueOf(find(fixed.getClass(), "getBytes", 0).invoke(fixed)))
                    + ", \"fixed_per_tm\": " + perTm
                    + ", \"validate\": " + validate + "}";
        }));
        if (managed >= 0 && memConf[0] != null) {
            b.append(", \"allocate\": ").append(probe(() -> allocate(pkg, memConf[0], conf, managed, fractions.get("STATE_BACKEND"))));
        }
        return b.append("}").toString();
    }

    /** What Flink's own RocksDBOperationUtils.allocateSharedCachesIfConfigured gives one slot
     * with {@code managed} bytes of managed memory, the state backend's fraction of it, and the
     * TaskManager configuration {@code conf} (an Environment proxy supplies the three). */
    static String allocate(String pkg, Object mc, Object conf, long managed, Double fraction) throws Throwable {
        find(cls("org.rocksdb.RocksDB"), "loadLibrary", 0).invoke(null);
        Class<?> mmC = cls("org.apache.flink.runtime.memory.MemoryManager");
        Object mm = find(mmC, "create", 2).invoke(null, managed, 32768);
        Object log = find(cls("org.slf4j.LoggerFactory"), "getLogger", 1).getDeclaringClass()
                .getMethod("getLogger", String.class).invoke(null, "oracle");
        Class<?> ops = cls(pkg + "RocksDBOperationUtils");
        Method m = find(ops, "allocateSharedCachesIfConfigured", 5);
        Object resource;
        double f = fraction == null ? 0.0 : fraction;
        if (m != null) {
            Class<?> envC = cls("org.apache.flink.runtime.execution.Environment");
            Class<?> infoC = cls("org.apache.flink.runtime.taskmanager.TaskManagerRuntimeInfo");
            Object shared = cls("org.apache.flink.runtime.memory.SharedResources").getConstructor().newInstance();
            Object info = Proxy.newProxyInstance(cl, new Class<?>[]{infoC}, (p, mt, a) -> {
                if (mt.getName().equals("getConfiguration")) return conf;
                throw new UnsupportedOperationException(mt.getName());
            });
            Object env = Proxy.newProxyInstance(cl, new Class<?>[]{envC}, (p, mt, a) -> {
                switch (mt.getName()) {
                    case "getMemoryManager": return mm;
                    case "getTaskManagerInfo": return info;
                    case "getSharedResources": return shared;
                    default: throw new UnsupportedOperationException(mt.getName());
                }
            });
            Object factory = cls(pkg + "RocksDBMemoryControllerUtils$RocksDBMemoryFactory").getField("DEFAULT").get(null);
            resource = m.invoke(null, mc, env, f, log, factory);
        } else {
            resource = find(ops, "allocateSharedCachesIfConfigured", 4).invoke(null, mc, mm, f, log);
        }
        if (resource == null) return "{\"shared\": false}";
        Object handle = find(resource.getClass(), "getResourceHandle", 0).invoke(resource);
        long size = (Long) find(resource.getClass(), "getSize", 0).invoke(resource);
        Object wbm = find(handle.getClass(), "getWriteBufferManagerCapacity", 0).invoke(handle);
        long free = (Long) find(mmC, "availableMemory", 0).invoke(mm);
        return "{\"shared\": true, \"size\": " + size + ", \"write_buffer_manager\": " + wbm
                + ", \"managed_left\": " + free + "}";
    }
}
