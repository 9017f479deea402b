package dev.agentlocator.localstack.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EurekaRegistryTest {

    @Test
    void applicationsWithAnInstanceUp() {
        String json = """
                {"applications":{"versions__delta":"1","apps__hashcode":"DOWN_1_UP_2_","application":[
                  {"name":"CRM-SERVICE","instance":[
                    {"instanceId":"127.0.0.1:crm-service:8081","app":"CRM-SERVICE","status":"UP"}]},
                  {"name":"GATEWAY","instance":[
                    {"instanceId":"a","app":"GATEWAY","status":"DOWN"},
                    {"instanceId":"b","app":"GATEWAY","status":"UP"}]},
                  {"name":"TASKS-SERVICE","instance":[
                    {"instanceId":"c","app":"TASKS-SERVICE","status":"STARTING"}]}]}}
                """;

        assertThat(EurekaRegistry.upApplications(json)).containsExactly("CRM-SERVICE", "GATEWAY");
    }

    @Test
    void singleApplicationsAndInstancesWrittenAsObjects() {
        String json = """
                {"applications":{"application":
                  {"name":"billing-service","instance":{"app":"billing-service","status":"UP"}}}}
                """;

        assertThat(EurekaRegistry.upApplications(json)).containsExactly("BILLING-SERVICE");
    }

    @Test
    void anEmptyRegistryOrSomethingElse() {
        assertThat(EurekaRegistry.upApplications(
                        "{\"applications\":{\"versions__delta\":\"1\",\"apps__hashcode\":\"\",\"application\":[]}}"))
                .isEmpty();
        assertThat(EurekaRegistry.upApplications("<applications/>")).isEmpty();
        assertThat(EurekaRegistry.upApplications("")).isEmpty();
    }
}
