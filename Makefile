# The two set-up commands of the README. Each works on a fresh machine:
#   make demo   installs framing into .venv and runs it on the bundled demo corpus
#   make test   installs framing with its test tools (and Debian chromium) and runs the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

demo: $(BIN)/python
	$(BIN)/python -m pip install -q .
	$(BIN)/framing demo

# The HTML report is tested in Debian's chromium (never a downloaded browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: $(BIN)/python chromium
	$(BIN)/python -m pip install -q -e '.[test]'
	$(BIN)/python -m pytest
