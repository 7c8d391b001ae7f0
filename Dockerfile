# syntax=docker/dockerfile:1
# The interview workbench: gunicorn serving Django, static files by WhiteNoise.

# 1. Build the CSS (Tailwind) and copy Alpine's CSP build into theme/static/.
FROM node:20-bookworm-slim AS assets
WORKDIR /app/theme/static_src
COPY theme/static_src/package.json theme/static_src/package-lock.json ./
RUN npm ci --no-audit --no-fund
WORKDIR /app
# Tailwind scans the templates, Python and JS for class names.
COPY templates templates
COPY interviews interviews
COPY glossary glossary
COPY static static
COPY theme theme
RUN cd theme/static_src && npm run build

# 2. Install the locked Python dependencies with uv (no dev group).
FROM python:3.12-slim-bookworm AS python
RUN pip install --no-cache-dir "uv>=0.9,<1"
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never
WORKDIR /app
COPY pyproject.toml uv.lock .python-version ./
RUN uv sync --locked --no-dev --no-install-project

# 3. The runtime image: the app, its virtual environment and collected static files.
FROM python:3.12-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH="/app/.venv/bin:$PATH"
RUN groupadd --system app && useradd --system --gid app --home-dir /app app
WORKDIR /app
COPY --from=python /app/.venv .venv
COPY . .
COPY --from=assets /app/theme/static/css/dist theme/static/css/dist
COPY --from=assets /app/theme/static/js/vendor theme/static/js/vendor
# collectstatic needs settings but no secret: use a throwaway key for this step only.
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input \
    && mkdir -p var && chown -R app:app var
USER app
EXPOSE 8000
CMD ["gunicorn", "project.wsgi", "--bind", "0.0.0.0:8000", "--workers", "2", \
     "--no-control-socket", "--access-logfile", "-"]
