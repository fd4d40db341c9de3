# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
OUT    := out
SAMPLE := src/outcomes/data/sample/cases.csv
LOG    := src/outcomes/data/sample/negotiations.csv

.PHONY: demo test lint format lab bench clean-out

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	$(PY) -m ipykernel install --sys-prefix --name outcomes --display-name "outcomes (.venv)" > /dev/null
	touch $(STAMP)

# the main job on the bundled synthetic sample (cases and negotiation log): clean, fit, report
demo: $(STAMP)
	mkdir -p $(OUT)
	$(VENV)/bin/outcomes clean $(SAMPLE) -o $(OUT)/cases.parquet --problems $(OUT)/problems.csv --negotiations $(LOG)
	$(VENV)/bin/outcomes fit $(OUT)/cases.parquet -o $(OUT)/model --negotiations $(LOG)
	$(VENV)/bin/outcomes report $(SAMPLE) -o $(OUT)/report.html --model $(OUT)/model --negotiations $(LOG)
	@echo "open $(CURDIR)/$(OUT)/report.html"

test: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(PY) -m pytest -q -n 2 --dist loadfile

format: $(STAMP)
	$(VENV)/bin/ruff format src tests benchmarks
	$(VENV)/bin/ruff check --fix src tests benchmarks

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

bench: $(STAMP)
	$(PY) benchmarks/clean_speed.py
	$(PY) benchmarks/model_accuracy.py
	$(PY) benchmarks/model_speed.py
	$(PY) benchmarks/monthly_generators.py
	$(PY) benchmarks/unseen_servicers.py
	$(PY) benchmarks/real_data.py
	$(PY) benchmarks/model_mean.py
	# lifelines pins pandas<3: installed apart, for this benchmark only
	$(PY) -m pip install --quiet --no-deps --target $(VENV)/peers lifelines autograd autograd-gamma
	PYTHONPATH=$(VENV)/peers $(PY) benchmarks/time_to_agreement.py
	$(PY) benchmarks/drift.py
	$(PY) benchmarks/offer_speed.py
	$(PY) benchmarks/report_speed.py

clean-out:
	rm -rf $(OUT)
