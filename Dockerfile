# The console is built in a Node stage; the image itself carries only its static files.
FROM node:20-slim AS console
WORKDIR /build
COPY console/package.json console/package-lock.json ./
RUN npm ci
COPY console ./
RUN npm run build

FROM python:3.11-slim
WORKDIR /srv/linkwatch
COPY pyproject.toml README.md ./
COPY app ./app
COPY loaders ./loaders
COPY scenarios ./scenarios
COPY cypher ./cypher
COPY --from=console /build/dist ./console/dist
ENV LINKWATCH_CONSOLE_DIR=/srv/linkwatch/console/dist
RUN pip install --no-cache-dir . && useradd --system linkwatch && mkdir -p /var/lib/linkwatch \
    && chown linkwatch /var/lib/linkwatch
USER linkwatch
EXPOSE 8000
