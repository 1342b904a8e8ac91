FROM python:3.11-slim
WORKDIR /srv/linkwatch
COPY pyproject.toml README.md ./
COPY app ./app
COPY loaders ./loaders
COPY scenarios ./scenarios
COPY cypher ./cypher
RUN pip install --no-cache-dir . && useradd --system linkwatch && mkdir -p /var/lib/linkwatch \
    && chown linkwatch /var/lib/linkwatch
USER linkwatch
EXPOSE 8000
