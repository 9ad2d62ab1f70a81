package org.dotchain.hub;

import java.util.Arrays;
import org.apache.camel.processor.idempotent.jpa.MessageProcessed;
import org.dotchain.hub.audit.AuditVerifyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@EntityScan(basePackageClasses = {HubApplication.class, MessageProcessed.class})
public class HubApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(AuditVerifyCommand.NAME)) {
            System.exit(AuditVerifyCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(HubApplication.class, args);
    }
}
