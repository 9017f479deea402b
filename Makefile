# The two commands a developer needs: `make run` and `make test`. See README.md.
MVN ?= ./mvnw -B
NPM := npm --prefix client
STACK_JAR := infra/local-stack/target/local-stack.jar
# The launcher also runs Kafka in-process; it needs little heap and no C2 compiler.
STACK := java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xss512k -jar $(STACK_JAR)

.PHONY: run test bench chaos build client format lint

## Build every module without tests, and the web client the gateway serves (what `make run` needs).
build: client
	$(MVN) -q -DskipTests -Dspotless.check.skip=true install

## The web client: dependencies exactly as locked, then the production bundle in client/dist.
client:
	$(NPM) ci --no-audit --no-fund --loglevel=error
	$(NPM) run build

## Start the whole suite locally (Kafka in-process, PostgreSQL local or embedded) in the foreground.
run: build
	$(STACK)

## Every test: repository hygiene; formatting, static checks, unit and integration tests (real
## PostgreSQL and Kafka) of the server; lint, type-check and unit tests of the client; then the
## whole stack booted once, checked through the gateway, and driven by the browser tests.
test:
	scripts/check-hygiene.sh
	$(MVN) verify
	$(NPM) ci --no-audit --no-fund --loglevel=error
	$(NPM) run lint
	$(NPM) run format:check
	$(NPM) run typecheck
	$(NPM) test
	$(NPM) run build
	$(STACK) --smoke --then "$(NPM) run e2e"

## Only the fault tests and the security sweep on the real jars (also part of `make test`).
chaos:
	$(MVN) -q -DskipTests -Dspotless.check.skip=true install
	$(MVN) verify -pl infra/system-tests

## Every benchmark under bench/; rewrites the figures in docs/benchmarks.md.
bench: build
	bench/run.sh

## Reformat the Java sources, poms and client sources.
format:
	$(MVN) -q spotless:apply
	$(NPM) run format

lint:
	$(MVN) -q -DskipTests verify
	$(NPM) run lint
