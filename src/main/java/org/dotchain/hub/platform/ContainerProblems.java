package org.dotchain.hub.platform;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What Tomcat and Spring Security's firewall refuse before the hub sees a request (a malformed or oversized request
 * line, an encoded slash, a ';' or '//' in a path) answered as problem+json, not as Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
class ContainerProblems {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
        return factory -> factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                .setErrorReportValveClass(ProblemReportValve.class.getName()));
    }

    @Bean
    RequestRejectedHandler firewallRefusals() {
        return (request, response, rejected) -> ProblemResponses.write(response, Problems.of(HttpStatus.BAD_REQUEST,
                "invalid-path", "The path holds a sequence it may not (an encoded slash, a ';', '//' or '..')"));
    }

    /** Tomcat's own error answers, as problem+json with the status alone: nothing of what failed inside. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String[] typeAndDetail = switch (status) {
                case 404 -> new String[] {"not-found", "No such address"};
                case 405 -> new String[] {"method-not-allowed", "The address does not take this method"};
                case 408 -> new String[] {"timeout", "The request did not arrive in time"};
                case 413 -> new String[] {"too-large", "The request is larger than the hub takes"};
                case 414, 431 -> new String[] {"too-large", "The request line or headers are longer than the hub "
                        + "takes"};
                default -> status >= 500 ? new String[] {"internal", "The hub could not answer the request"}
                        : new String[] {"bad-request", "The request cannot be read as it is"};
            };
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"/problems/" + typeAndDetail[0] + "\",\"title\":\"" + title
                            + "\",\"status\":" + status + ",\"detail\":\"" + typeAndDetail[1] + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone; nothing more to say
            }
        }
    }
}
