# 阳光政务 Sunshine — the two commands are `make run` and `make test`.
.PHONY: run test lint format client migrate frontend help

help:
	@echo "make run     install what is missing, migrate, load the demo district, start everything"
	@echo "make test    install what is missing, start a throwaway PostgreSQL, run every test"
	@echo "make lint    ruff, mypy, eslint and tsc"
	@echo "make client  regenerate the SPA's API client from the combined OpenAPI"

run:
	@scripts/bootstrap.sh
	@.venv/bin/python scripts/stack.py run

test:
	@scripts/test.sh

lint:
	@scripts/bootstrap.sh
	@scripts/lint.sh

format:
	@.venv/bin/ruff format . && .venv/bin/ruff check --fix .

client:
	@scripts/bootstrap.sh
	@scripts/generate-client.sh

migrate:
	@scripts/bootstrap.sh
	@.venv/bin/python scripts/stack.py migrate

frontend:
	@scripts/bootstrap.sh
