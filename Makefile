# specgraph: two entry points, `make demo` and `make test`, both from a fresh machine.
SWIFT ?= swift
BIN := .build/release/specgraph
OUT := out
SPECGRAPH_CORPUS ?= $(abspath ../shared/corpus)
export SPECGRAPH_CORPUS

.PHONY: deps build demo test docs corpus bench bench-check bench-thresholds compare clean fuzz fuzz-build

# Graphviz's libgvc (headers + pkg-config files) from Debian, only when missing.
deps:
	@if ! pkg-config --exists libgvc 2>/dev/null; then \
		echo "Installing libgraphviz-dev (libgvc) with apt-get…"; \
		SUDO=""; if [ "$$(id -u)" != "0" ]; then SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgraphviz-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build -c release --product specgraph

# The main job on a bundled example: plan, diagnostics, picture, team schedule.
demo: build
	@mkdir -p $(OUT)
	$(BIN) plan Examples/auth-service/tasks.md
	$(BIN) graph Examples/auth-service/tasks.md -o $(OUT)/auth-service.svg
	$(BIN) assign --team 3 --gantt $(OUT)/auth-service-gantt.svg Examples/auth-service/tasks.md
	@echo '--- the broken example, on purpose (exit code 1 means the spec has errors):'
	@$(BIN) check Examples/broken/tasks.md || true
	@echo "Pictures: $(OUT)/auth-service.svg, $(OUT)/auth-service-gantt.svg"

# The libgvc memory test measures the process's growth, so it runs alone,
# after the others (which plan up to 70 000 tasks and would grow it too).
MEMORY_TEST := manyRendersInOneProcessGiveIdenticalOutputAndKeepNoMemory
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --skip $(MEMORY_TEST)
	$(SWIFT) test --skip-build --filter $(MEMORY_TEST)

# API documentation (DocC, swift-docc-plugin) for the library modules, into
# .build/plugins/Swift-DocC/outputs/<Module>.doccarchive; a warning fails it.
DOC_TARGETS := TaskScheduling SpecKitTasks TaskGraph TaskScheduleRendering SpecKitGenerator Graphviz
docs: deps
	$(SWIFT) package generate-documentation $(addprefix --target ,$(DOC_TARGETS)) --warnings-as-errors

# One line per corpus file (tasks, edges by kind, waves, cycles, warnings by
# code), outliers first, then the totals: where the reading is doubtful.
corpus: build
	bash Benchmarks/corpus-report.sh "$(SPECGRAPH_CORPUS)"

bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

# Compare a run with the thresholds recorded in Benchmarks/Thresholds.
bench-check: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark thresholds check

# Record the current figures as the thresholds (commit Benchmarks/Thresholds).
bench-thresholds: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark thresholds update

compare: build
	bash Benchmarks/compare.sh

# Coverage-guided fuzzing (libFuzzer) of the parser, planner and renderers.
# `make fuzz` runs until stopped; `make fuzz FUZZ_SECONDS=180` for a bounded run.
# Seeds are read where they are (Examples/, the corpus); crashes go to Fuzz/findings/.
FUZZ_SECONDS ?= 0
FUZZ_BIN := Fuzz/.build/release/SpecGraphFuzz
fuzz-build: deps
	cd Fuzz && $(SWIFT) build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -gnone -Xswiftc -use-ld=lld

fuzz: fuzz-build
	@mkdir -p Fuzz/corpus Fuzz/findings
	$(FUZZ_BIN) Fuzz/corpus Examples $(wildcard $(SPECGRAPH_CORPUS)) \
		-max_len=65536 -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
		-artifact_prefix=Fuzz/findings/ $(if $(filter-out 0,$(FUZZ_SECONDS)),-max_total_time=$(FUZZ_SECONDS))

clean:
	rm -rf .build $(OUT)
