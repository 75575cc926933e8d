# Developer entry points for the konnect.konnect collection. The logic lives in hacking/.
#
#   make demo         bootstrap docs/org.example.yml twice against the local Konnect emulator
#   make test         the whole suite (what CI runs); one step: make test STEPS="units integration"
#   make test-fast    the edit-test loop: the unit and pytest tests (engine decisions against the in-process emulator), once,
#                     without those that run real ansible-playbook processes (marker playbook; make test runs them)
#   make sanity | units | integration | lint | docs | build     one step of the suite
#   make compat       unit tests and a smoke playbook on every ansible-core line the README names (2.16 ... 2.19), each in its venv
#   make docs         build the documentation site into .build/docs/html/index.html and check it (links, pages, a browser)
#   make pytest       every unit and pytest test, narrowed while editing (make pytest ARGS="-k planner")
#   make coverage     print what of Konnect's specs the modules cover, per API family, and refresh README.md's table
#   make bench        print the benchmarks (bench/): task overhead, apply on a reference org, apply on a 5,000-entity decK file; not tests
#   make venv         create/refresh .venv from requirements-dev.txt
#   make clean        remove build/test output (keeps .venv);  make distclean  also .venv
#
# Only python3.11 is needed on PATH (override: make test PYTHON=/path/to/python3.11).

PYTHON ?= python3.11
STEPS ?=
export PYTHON

.PHONY: all help venv demo bench coverage test test-fast pytest sanity units integration lint docs build compat clean distclean

all: help

help:
	@sed -n '2,16s/^# \{0,1\}//p' Makefile

venv:
	@hacking/ensure_venv.sh

demo:
	@hacking/demo.sh

test:
	@hacking/run_tests.sh $(STEPS)

bench:
	@hacking/ensure_venv.sh
	@hacking/layout.sh .build/bench >/dev/null
	@.venv/bin/python bench/task_overhead.py --collections-path .build/bench
	@echo
	@.venv/bin/python bench/apply.py --collections-path .build/bench
	@echo
	@.venv/bin/python bench/deck_scale.py --collections-path .build/bench

coverage:
	@hacking/ensure_venv.sh
	@hacking/layout.sh .build/coverage >/dev/null
	@cd .build/coverage/ansible_collections/konnect/konnect && PYTHONPATH=$(CURDIR)/.build/coverage \
		$(CURDIR)/.venv/bin/python hacking/coverage.py --readme $(CURDIR)/README.md

test-fast:
	@start=$$(date +%s); $(MAKE) --no-print-directory pytest ARGS="-m 'not playbook' $(ARGS)"; rc=$$?; \
		echo "test-fast: $$(( $$(date +%s) - start )) s"; exit $$rc

pytest:
	@hacking/ensure_venv.sh
	@hacking/layout.sh .build/pytest >/dev/null
	@cd .build/pytest/ansible_collections/konnect/konnect && PYTHONPATH=$(CURDIR)/.build/pytest \
		$(CURDIR)/.venv/bin/python -m pytest -q -n auto -p no:cacheprovider tests/unit $(ARGS)

sanity units integration lint build:
	@hacking/run_tests.sh $@

compat:
	@hacking/ensure_venv.sh
	@KONNECT_COMPAT_JOBS=$${KONNECT_COMPAT_JOBS:-2} hacking/compat.sh

# The docs step (what make test runs) plus antsibull-docs' lint of every plugin's docs; the site: .build/docs/html
docs:
	@KONNECT_DOCS_LINT_PLUGINS=1 hacking/run_tests.sh docs

clean:
	rm -rf .build tests/output tests/integration/inventory changelogs/.plugin-cache.yaml .pytest_cache
	find . -path ./.venv -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf .venv
