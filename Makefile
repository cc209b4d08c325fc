# Concurrency katas and their judge. `make help` lists the targets.
#
# Every target finds a JDK >= 25 on its own (JAVA_HOME first, then the usual
# places): the machine's default `java` may be older.

SHELL := /bin/bash
JDK := $(shell judge/bin/find-jdk)
ifeq ($(JDK),)
$(error no JDK 25 or newer found: install one or set JAVA_HOME)
endif
export JAVA_HOME := $(JDK)
# Maven 3.8 on JDK 25 warns about sun.misc.Unsafe at every start; it is harmless.
export MAVEN_OPTS ?= --sun-misc-unsafe-memory-access=allow
JAVA := $(JDK)/bin/java
MVN := mvn -q -B
JUDGE := $(JAVA) -jar judge/app/target/judge.jar

# The learner: WHO=name, else the name `make new` remembered in .who, else the template.
WHO ?= $(shell cat .who 2>/dev/null || echo starter)
DAY ?=

SOURCES := $(shell find judge problems -name '*.java' -o -name pom.xml -o -name MANIFEST.MF 2>/dev/null | grep -v /target/) pom.xml
BUILT := judge/app/target/.built

.PHONY: help build submit new list show verify test test-public bench leaderboard grade bundle template clean

help: ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

build: $(BUILT) ## build the judge, its agent and every kata (only when sources changed)

$(BUILT): $(SOURCES)
	$(MVN) package -DskipTests -pl judge/app,problems/pack -am
	@# Weave the agent's JDK classes once now, so no judging pays for it.
	@$(JAVA) -javaagent:judge/app/target/lib/judge-agent.jar=cache=judge/app/target/agent-cache \
	  --sun-misc-unsafe-memory-access=allow -version 2>/dev/null
	@touch $@

submit: $(BUILT) ## judge one day of a learner: make submit DAY=1 [WHO=alice]
	@test -n "$(DAY)" || { echo "usage: make submit DAY=N [WHO=name]"; exit 2; }
	@test -d submissions/$(WHO) || { echo "no learner '$(WHO)': make new WHO=$(WHO)"; exit 2; }
	@$(JUDGE) submit --day $(DAY) --module submissions/$(WHO) --who $(WHO)

new: ## start a learner's module from the template: make new WHO=alice
	@test -n "$(filter-out starter,$(WHO))" || { echo "usage: make new WHO=name"; exit 2; }
	@echo "$(WHO)" | grep -Eq '^[A-Za-z0-9._-]{1,64}$$' || { echo "WHO: letters, digits, '.', '_' or '-' only"; exit 2; }
	@test ! -e submissions/$(WHO) || { echo "submissions/$(WHO) exists already"; exit 2; }
	@mkdir -p submissions/$(WHO)
	@cp -r submissions/starter/src submissions/$(WHO)/
	@sed 's|<artifactId>starter</artifactId>|<artifactId>$(WHO)</artifactId>|' submissions/starter/pom.xml > submissions/$(WHO)/pom.xml
	@grep -q "<module>$(WHO)</module>" submissions/pom.xml || \
	  sed -i 's|    <module>starter</module>|    <module>starter</module>\n    <module>$(WHO)</module>|' submissions/pom.xml
	@echo "$(WHO)" > .who
	@echo "created submissions/$(WHO); 'make submit DAY=1' now judges it (remembered in .who)"

list: $(BUILT) ## the days, with your latest verdicts
	@$(JUDGE) list --who $(WHO)

show: $(BUILT) ## a day's statement: make show DAY=3
	@$(JUDGE) show $(DAY)

verify: $(BUILT) ## judge every kept solution against its expected verdict [DAY=N]
	@$(JUDGE) verify $(if $(DAY),--day $(DAY))

test-public: ## run the public tests of a day on your module in plain JUnit: make test-public DAY=1
	$(MVN) test -pl submissions/$(WHO) -am -Dsurefire.failIfNoSpecifiedTests=false \
	  $(if $(DAY),-Dtest='Day$(shell printf %02d $(DAY))*')

leaderboard: $(BUILT) ## the study group's board from submissions/*/results [VERIFY=grader.pub]
	@$(JUDGE) leaderboard $(if $(VERIFY),--verify $(VERIFY))

grade: $(BUILT) ## grade a module for CI: make grade [WHO=alice] [DAYS=1-5] (JUnit XML, JSON, summary)
	@$(JUDGE) grade --module submissions/$(WHO) $(if $(DAYS),--days $(DAYS)) --junit grades.xml --json grades.json

bundle: $(BUILT) ## the judge bundle teachers grade with: dist/katas-judge-VERSION.zip (judge, agent, problem set, no solutions)
	@$(JUDGE) bundle --out dist --commit "$$(git rev-parse --short HEAD 2>/dev/null)"

template: bundle ## a learner repository pinned to that bundle: make template OUT=dir [URL=where learners download it]
	@test -n "$(OUT)" || { echo "usage: make template OUT=dir [URL=https://.../katas-judge-VERSION.zip]"; exit 2; }
	@$(JUDGE) template --out "$(OUT)" --bundle "$$(ls -t dist/katas-judge-*.zip | head -1)" $(if $(URL),--url "$(URL)")

test: ## the project's own test suite: judge unit and detection tests, then verify of every day
	@judge/bin/ensure-chromium >/dev/null
	$(MVN) package -DskipTests -pl judge/app,problems/pack -am
	@$(JAVA) -javaagent:judge/app/target/lib/judge-agent.jar=cache=judge/app/target/agent-cache \
	  --sun-misc-unsafe-memory-access=allow -version 2>/dev/null
	$(MVN) test -pl judge/support,judge/app -am
	@touch $(BUILT)
	$(JUDGE) verify --jobs 2 --retry

bench: $(BUILT) ## performance figures: judge overhead, agent overhead, stability
	@judge/bench/run

clean:
	$(MVN) clean
	rm -f .who
