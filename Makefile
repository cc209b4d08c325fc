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
MVN := mvn -q -B -Dstyle.color=never
# Maven 3.8's -q writes ESC[0m sequences whatever the colour setting: strip them (set -o pipefail keeps its status).
NO_ESC := 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g'
# The build's progress, one line per module as Maven starts it, and its errors (warnings are the katas' own).
BUILD_PROGRESS := awk '/^\[INFO\] Building .*\[[0-9]+\/[0-9]+\]/ { sub(/^\[INFO\] Building /, "  "); print; fflush(); next } \
  /^\[ERROR\]/ { print; fflush() }'
# -Djava.io.tmpdir: the judge's temporary run folders go where TMPDIR says, as other Unix tools' do.
# The AOT cache (JDK 25), written by the build, takes about a third off the judge's own start; a missing or
# stale one is skipped without a word.
AOT_CACHE := judge/app/target/judge.aot
AOT := -XX:AOTCache=$(AOT_CACHE) -Xlog:aot=off -Xlog:cds=off
# The judge's own JVM compiles with C1 alone: it lives for one command and mostly waits for its child, and
# the optimising compiler's work on code that runs a few times (its start, javac, reading the recording) cost
# more CPU than it saved (README, Measuring). The child JVM, which times the learner's code, keeps both.
QUICK_JIT := -XX:TieredStopAtLevel=1
JUDGE := $(JAVA) $(AOT) $(QUICK_JIT) -Djava.io.tmpdir=$${TMPDIR:-/tmp} -jar judge/app/target/judge.jar

# The learner: WHO=name, else the name `make new` remembered in .who, else the template.
WHO ?= $(shell cat .who 2>/dev/null || echo starter)
DAY ?=

# target/ folders are pruned, not walked then filtered: this runs at every make and every ./katas.
SOURCES := $(shell find judge problems -name target -prune -o \( -name '*.java' -o -name pom.xml -o -name MANIFEST.MF \) -print 2>/dev/null) pom.xml
BUILT := judge/app/target/.built

.PHONY: help build submit report new workspace list show verify test test-public bench leaderboard grade grade-modules bundle template clean

help: ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

build: $(BUILT) $(AOT_CACHE) ## build the judge, its agent and every kata (only when sources changed)

$(BUILT): $(SOURCES)
	@judge/bin/ensure-sandbox
	@echo "make: building the judge, its agent and the 30 katas with Maven (the first time takes a minute or two)..."
	@set -o pipefail; mvn -B -Dstyle.color=never package -DskipTests -pl judge/app,problems/pack -am $(NO_ESC) | $(BUILD_PROGRESS)
	@# Weave the agent's JDK classes once now, so no judging pays for it.
	@$(JAVA) -javaagent:judge/app/target/lib/judge-agent.jar=cache=judge/app/target/agent-cache \
	  --sun-misc-unsafe-memory-access=allow -version 2>/dev/null
	@touch $@

$(AOT_CACHE): $(BUILT)
	@$(aot-cache)

# The judge's AOT cache, from a training run that reads every spec (the judge's start: picocli, Jackson, specs).
define aot-cache
rm -f $(AOT_CACHE); $(JAVA) -XX:AOTCacheOutput=$(AOT_CACHE) -Xlog:aot=off -Xlog:cds=off $(QUICK_JIT) \
  -jar judge/app/target/judge.jar show 1 >/dev/null 2>&1 || rm -f $(AOT_CACHE)
endef

# Checks shared by the learner targets: one clear line, exit 2, before anything is built.
define need-day
	@[[ "$(DAY)" =~ ^[0-9]+$$ ]] && (( 10#$(DAY) >= 1 && 10#$(DAY) <= 30 )) || \
	  { echo "DAY='$(DAY)': give a day from 1 to 30, like: make $@ DAY=1"; exit 2; }
endef
define need-learner
	@[[ "$(WHO)" =~ ^[A-Za-z0-9._-]{1,64}$$ ]] || { echo "WHO='$(WHO)': letters, digits, '.', '_' or '-' only"; exit 2; }
	@test -d submissions/$(WHO) || { echo "no learner '$(WHO)' (no folder submissions/$(WHO)): make new WHO=$(WHO)"; exit 2; }
endef

submit: ## judge one day of a learner: make submit DAY=1 [WHO=alice]
	$(need-day)
	$(need-learner)
	@$(MAKE) -s --no-print-directory build
	@$(JUDGE) submit --day $(DAY) --module submissions/$(WHO) --who $(WHO)

new: ## start a learner's module from the template: make new WHO=alice
	@test -n "$(filter-out starter,$(WHO))" || { echo "usage: make new WHO=name"; exit 2; }
	@echo "$(WHO)" | grep -Eq '^[A-Za-z0-9._-]{1,64}$$' || { echo "WHO: letters, digits, '.', '_' or '-' only"; exit 2; }
	@test ! -e submissions/$(WHO) || { echo "submissions/$(WHO) exists already"; exit 2; }
	@mkdir -p submissions/$(WHO)
	@cp -r submissions/starter/src submissions/starter/Makefile submissions/$(WHO)/
	@sed 's|<artifactId>starter</artifactId>|<artifactId>$(WHO)</artifactId>|' submissions/starter/pom.xml > submissions/$(WHO)/pom.xml
	@$(MAKE) --no-print-directory workspace
	@echo "$(WHO)" > .who
	@echo "created submissions/$(WHO); 'make submit DAY=1' now judges it (remembered in .who)"

# The learners' modules are not in the tracked reactor (adding them would edit submissions/pom.xml for
# everyone): workspace/pom.xml, untracked, gathers the project and every learner, for Maven and the IDE.
workspace: ## (re)write workspace/pom.xml: the project plus every learner module, for the IDE
	@mkdir -p workspace
	@{ echo '<?xml version="1.0" encoding="UTF-8"?>'; \
	  echo '<!-- Written by make (new, test-public): the project and every learner module. Open it in your IDE. -->'; \
	  echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'; \
	  echo '  <groupId>dev.katas</groupId><artifactId>katas-workspace</artifactId><version>1.0.0</version>'; \
	  echo '  <packaging>pom</packaging>'; \
	  echo '  <modules><module>..</module>'; \
	  for d in submissions/*/pom.xml; do d=$${d%/pom.xml}; [ "$$d" = submissions/starter ] || echo "    <module>../$$d</module>"; done; \
	  echo '  </modules></project>'; } > workspace/pom.xml.tmp && mv workspace/pom.xml.tmp workspace/pom.xml

list: ## the days, with your best and latest verdicts
	$(need-learner)
	@$(MAKE) -s --no-print-directory build
	@$(JUDGE) list --who $(WHO)

report: ## a judging's page (threads over time, findings, speedup): make report DAY=3 [WHO=alice]
	$(need-day)
	$(need-learner)
	@page=submissions/$(WHO)/results/day$$(printf %02d $$((10#$(DAY)))).html; \
	  test -f $$page || { echo "no page at $$page yet: make submit DAY=$(DAY) first"; exit 2; }; \
	  echo "file://$$PWD/$$page"; \
	  { command -v xdg-open >/dev/null && xdg-open "$$page" || command -v open >/dev/null && open "$$page"; } >/dev/null 2>&1 || true

show: ## a day's statement: make show DAY=3
	$(need-day)
	@$(MAKE) -s --no-print-directory build
	@$(JUDGE) show $(DAY)

verify: build ## judge every kept solution against its expected verdict [DAY=N]
	@$(JUDGE) verify $(if $(DAY),--day $(DAY))

test-public: ## run the public tests of a day on your module in plain JUnit: make test-public DAY=1
	$(if $(DAY),$(need-day))
	$(need-learner)
	@$(MAKE) --no-print-directory workspace
	@judge/bin/test-public "$(WHO)" "$(DAY)"

leaderboard: build ## the study group's board from submissions/*/results [VERIFY=grader.pub]
	@$(JUDGE) leaderboard $(if $(VERIFY),--verify $(VERIFY))

# The pass line of `make grade`: MIN_SCORE=60 (percent of the points), REQUIRE_DAYS=1-5 (each ACCEPTED).
GRADE_POLICY = $(if $(DAYS),--days $(DAYS)) $(if $(MIN_SCORE),--min-score $(MIN_SCORE)) \
  $(if $(REQUIRE_DAYS),--require-days $(REQUIRE_DAYS))

grade: build ## grade a module for CI: make grade [WHO=alice] [DAYS=1-5] [MIN_SCORE=60] [REQUIRE_DAYS=1-3]
	@$(JUDGE) grade --module submissions/$(WHO) --who $(WHO) $(GRADE_POLICY) --junit grades.xml --json grades.json

grade-modules: build ## grade every learner module but the starter (CI in a fork): grades-NAME.xml/.json
	@modules=$$(ls -d submissions/*/src 2>/dev/null | cut -d/ -f2 | grep -vx starter); \
	test -n "$$modules" || { echo "no learner module under submissions/: make new WHO=name, then commit it"; exit 2; }; \
	status=0; for m in $$modules; do \
	  $(JUDGE) grade --module submissions/$$m --who $$m $(GRADE_POLICY) --junit grades-$$m.xml --json grades-$$m.json || status=$$?; \
	done; exit $$status

bundle: build ## the judge bundle teachers grade with: dist/katas-judge-VERSION.zip (judge, agent, problem set, no solutions)
	@$(JUDGE) bundle --out dist --commit "$$(git rev-parse --short HEAD 2>/dev/null)"

template: bundle ## a learner repository pinned to that bundle: make template OUT=dir [URL=where learners download it]
	@test -n "$(OUT)" || { echo "usage: make template OUT=dir [URL=https://.../katas-judge-VERSION.zip]"; exit 2; }
	@$(JUDGE) template --out "$(OUT)" --bundle "$$(ls -t dist/katas-judge-*.zip | head -1)" $(if $(URL),--url "$(URL)")

test: ## the project's own test suite: package check, judge tests, then verify of every day beside the learner's loop
	@judge/bin/ensure-sandbox
	$(MVN) package -DskipTests -pl judge/app,problems/pack -am
	@$(JAVA) -javaagent:judge/app/target/lib/judge-agent.jar=cache=judge/app/target/agent-cache \
	  --sun-misc-unsafe-memory-access=allow -version 2>/dev/null
	@# Fast, no fork: every spec reads, every class it names is built, every solution folder names a verdict.
	@$(JAVA) -cp judge/app/target/judge.jar katajudge.spec.PackageCheck
	@# Browser tests install Chromium themselves when they first need it (judge/bin/ensure-chromium).
	$(MVN) test -pl judge/support,judge/app -am
	@touch $(BUILT)
	@# The learner's loop from the outside (a clone driven only by the README's commands: judge/e2e/learner-loop)
	@# runs beside verify: both mostly wait on child JVMs. Its report is printed once it ends; either failing
	@# fails the suite.
	@e2e_log=$$(mktemp); judge/e2e/learner-loop >"$$e2e_log" 2>&1 & e2e=$$!; \
	  echo "judge/e2e/learner-loop (beside verify; its report follows verify's)"; \
	  $(JUDGE) verify --jobs 5 --retry; verify=$$?; \
	  wait $$e2e; e2e_rc=$$?; cat "$$e2e_log"; rm -f "$$e2e_log"; \
	  test $$verify -eq 0 -a $$e2e_rc -eq 0

bench: build ## performance figures: judge overhead, agent overhead, stability
	@judge/bench/run

clean: ## delete what the build made (your module, results and .who stay)
	@set -o pipefail; $(MVN) clean $(NO_ESC)
	rm -rf workspace
