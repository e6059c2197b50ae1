package dev.entitystore.bench.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options after positional arguments, with defaults given where read. */
public final class Options {
    private final List<String> positional;
    private final Map<String, String> named;

    private Options(List<String> positional, Map<String, String> named) {
        this.positional = positional;
        this.named = named;
    }

    public static Options parse(String[] args) {
        Map<String, String> named = new HashMap<>();
        List<String> positional = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                named.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        return new Options(List.copyOf(positional), named);
    }

    public String positional(int index, String what) {
        if (index >= positional.size()) {
            throw new IllegalArgumentException("missing " + what);
        }
        return positional.get(index);
    }

    public String text(String name, String fallback) {
        return named.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return named.containsKey(name) ? Integer.parseInt(named.get(name).replace("_", "")) : fallback;
    }

    public long longValue(String name, long fallback) {
        return named.containsKey(name) ? Long.parseLong(named.get(name).replace("_", "")) : fallback;
    }

    public boolean has(String name) {
        return named.containsKey(name);
    }
}
