# syntax=docker/dockerfile:1
# The gateway image: the gateway's fat jar (from `make build`) plus the web client, built here from
# client/ so the image never depends on a client/dist left on the build machine. From the
# repository root:
#
#   docker build -f infra/docker/gateway.Dockerfile -t agentlocator/gateway .

ARG JAVA_VERSION=17

FROM node:20-bookworm-slim AS client
WORKDIR /client
COPY client/package.json client/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY client/ ./
RUN npm run build

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
WORKDIR /build
COPY infra/docker/HealthCheck.java .
RUN javac --release 17 -d healthcheck HealthCheck.java
COPY gateway/target/gateway.jar app.jar
# Spring Boot 4's jar tools: one directory per layer, with the launcher (see Dockerfile).
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:${JAVA_VERSION}-jre
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /build/healthcheck/ /opt/healthcheck/
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
COPY --from=client /client/dist/ /app/client/dist/
ENV SERVER_PORT=8080 \
    APP_ENV=production \
    CLIENT_DIST_DIR=/app/client/dist
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx16m", "-cp", "/opt/healthcheck", "HealthCheck", "/actuator/health/liveness"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
