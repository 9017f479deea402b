package dev.agentlocator.telephony;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TelephonyApplication {

    public static void main(String[] args) {
        SpringApplication.run(TelephonyApplication.class, args);
    }
}
