package org.dotchain.hub.access;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** The rules of access-rules.yaml: who may call each endpoint, and what the matrix sends it. */
public final class AccessRules {

    public enum Who { ANYONE, NOBODY, PARTNER, PARTIAL_LOGIN, ROLES }

    /** One endpoint's rule; {@code of} is null, "order", "invoice" or "certificate". */
    public record Rule(Who who, Set<Role> roles, String of, boolean ownFindsNothing, Object body,
                       Map<String, String> form, String sample, boolean stream, boolean last, String partner,
                       String impostor) {

        public boolean allows(Role role) {
            return who == Who.ANYONE || roles.contains(role);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(:[^}]*)?}");

    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Map<String, String> nothing;

    @SuppressWarnings("unchecked")
    private AccessRules(Map<String, Object> yaml) {
        Map<String, List<String>> groups = (Map<String, List<String>>) yaml.get("groups");
        nothing = (Map<String, String>) yaml.get("nothing");
        ((Map<String, Map<String, Object>>) yaml.get("rules")).forEach((endpoint, rule) -> {
            Object allow = rule.get("allow");
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Who who = switch (String.valueOf(allow)) {
                case "anyone" -> Who.ANYONE;
                case "nobody" -> Who.NOBODY;
                case "partner" -> Who.PARTNER;
                case "partial-login" -> Who.PARTIAL_LOGIN;
                default -> Who.ROLES;
            };
            if (who == Who.ROLES) {
                for (String name : (List<String>) allow) {
                    groups.getOrDefault(name, List.of(name)).forEach(role -> roles.add(Role.valueOf(role)));
                }
            }
            rules.put(endpoint, new Rule(who, roles, (String) rule.get("of"), "not-found".equals(rule.get("own")),
                    rule.get("body"), (Map<String, String>) rule.get("form"), (String) rule.get("sample"),
                    Boolean.TRUE.equals(rule.get("stream")), Boolean.TRUE.equals(rule.get("last")),
                    (String) rule.get("partner"), (String) rule.get("impostor")));
        });
    }

    public static AccessRules load() {
        try (InputStream in = AccessRules.class.getResourceAsStream("/access-rules.yaml")) {
            return new AccessRules(new Yaml().load(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Set<String> endpoints() {
        return rules.keySet();
    }

    /** The value of a path's variable that names nothing. */
    public String nothing(String variable) {
        return nothing.get(variable);
    }

    public Rule of(String endpoint) {
        return rules.get(endpoint);
    }

    /**
     * The path to call: a pattern's sample, or its variables filled with the matrix's own data where the rule binds
     * them ({@code own}), else with values that name nothing.
     */
    public String pathOf(String pattern, Rule rule, Map<String, String> own) {
        if (rule.sample() != null) {
            return rule.sample();
        }
        boolean bound = rule.of() != null || rule.who() == Who.PARTNER;
        return pathWith(pattern, bound ? own : Map.of());
    }

    /** The pattern's variables filled with the values given, else with values that name nothing. */
    public String pathWith(String pattern, Map<String, String> values) {
        Matcher variables = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1);
            String value = values.containsKey(name) ? values.get(name) : nothing.get(name);
            if (value == null) {
                throw new IllegalStateException("access-rules.yaml gives no value for {" + name + "} of " + pattern);
            }
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return variables.appendTail(path).toString();
    }
}
