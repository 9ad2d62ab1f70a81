package org.dotchain.hub.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dotchain.hub.access.AccessFixture;
import org.dotchain.hub.access.PageSession;

/**
 * A form of a page as a browser reads it: where it goes, how, and its fields with the values the page gave them
 * (the form token aside: the session adds its own). The logout form is left out: sending it ends the session.
 */
record PageForm(String method, String action, Map<String, String> fields, AccessFixture.Caller caller) {

    private static final Pattern FORM = Pattern.compile("(?s)<form\\b([^>]*)>(.*?)</form>");
    private static final Pattern FIELD = Pattern.compile("(?s)<(input|textarea|select)\\b([^>]*)>");
    private static final Pattern OPTION = Pattern.compile("(?s)<option\\b[^>]*value=\"([^\"]*)\"");

    static List<PageForm> in(String page) {
        List<PageForm> forms = new ArrayList<>();
        Matcher form = FORM.matcher(page);
        while (form.find()) {
            String method = attribute(form.group(1), "method");
            String action = attribute(form.group(1), "action");
            if (action == null || action.isEmpty() || action.startsWith("/logout")) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher field = FIELD.matcher(form.group(2));
            while (field.find()) {
                String name = attribute(field.group(2), "name");
                String type = attribute(field.group(2), "type");
                if (name == null || name.equals("_csrf") || "submit".equals(type) || "checkbox".equals(type)
                        || "radio".equals(type)) {
                    continue;
                }
                String value = attribute(field.group(2), "value");
                if (field.group(1).equals("select")) {
                    Matcher option = OPTION.matcher(form.group(2).substring(field.end()));
                    value = option.find() ? option.group(1) : "";
                }
                fields.put(name, value == null ? "" : unescape(value));
            }
            if (!fields.isEmpty()) {
                forms.add(new PageForm(method == null ? "GET" : method.toUpperCase(), unescape(action), fields, null));
            }
        }
        return forms;
    }

    PageForm by(AccessFixture.Caller caller) {
        return new PageForm(method, action, fields, caller);
    }

    PageSession.Answer submit(Map<String, String> values) {
        if (method.equals("GET")) {
            StringBuilder query = new StringBuilder();
            values.forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return caller.pages().send("GET", action + query, Map.of());
        }
        return caller.pages().send("POST", action, values);
    }

    private static String attribute(String attributes, String name) {
        Matcher value = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
        return value.find() ? value.group(1) : null;
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }
}
