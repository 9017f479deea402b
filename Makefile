# The two commands a developer needs: `make run` and `make test`. See README.md.
MVN ?= ./mvnw -B
STACK_JAR := infra/local-stack/target/local-stack.jar
# The launcher also runs Kafka in-process; it needs little heap and no C2 compiler.
STACK := java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xss512k -jar $(STACK_JAR)

.PHONY: run test bench build format lint

## Build every module without tests (what `make run` needs).
build:
	$(MVN) -q -DskipTests -Dspotless.check.skip=true install

## Start the whole suite locally (Kafka in-process, PostgreSQL local or embedded) in the foreground.
run: build
	$(STACK)

## Every test: formatting and static checks, unit and integration tests (real PostgreSQL and
## Kafka), then the whole stack booted once and checked through the gateway.
test:
	$(MVN) verify
	$(STACK) --smoke

## Every benchmark under bench/; rewrites the figures in docs/benchmarks.md.
bench: build
	bench/run.sh

## Reformat the Java sources and poms.
format:
	$(MVN) -q spotless:apply

lint:
	$(MVN) -q -DskipTests verify
