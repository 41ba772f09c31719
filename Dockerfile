# syntax=docker/dockerfile:1
#
# bizmsg: one image for every process of the platform. docker-compose.yml runs it with a different
# command per service:
#   API        node dist/api/main.js            (the default CMD; listens on PORT, 3000)
#   worker     node dist/workers/main.js
#   simulator  node dist/simulator/main.js      (the carrier simulator; listens on SIMULATOR_PORT, 4010)
#   migrations node dist/platform/migrate.js    (one-shot, against DATABASE_URL)
# See docs/docker.md.
#
# Base image:
# - Debian (glibc), not Alpine: @temporalio/core-bridge ships glibc-only native binaries, and the
#   Temporal TypeScript SDK does not support musl images.
# - Node 20 at 20.19 or later: @hyunbinseo/holidays-kr is ESM-only and is require()d from our
#   CommonJS output, which needs require(esm), unflagged since Node 20.19. The 20.20 tag follows the
#   newest 20.20.x patch release.
ARG NODE_IMAGE=node:20.20-bookworm-slim

# ---- production dependencies only (cached until package.json / package-lock.json change) ----------
# The workflow code is bundled at build time (dist/workflow-bundle.js); webpack and swc stay in
# node_modules only because they are regular dependencies of @temporalio/worker. The TypeScript
# compiler, the linters and the test tools are left out.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# @scarf/scarf (pulled in by swagger-ui-dist) reports installs over the network unless told not to.
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund

# ---- build: all dependencies, then `npm run build`: tsc into dist/ and the workflow bundle ---------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund
# .dockerignore keeps node_modules, dist, .data, .tools, tests and the like out of the context.
COPY . .
RUN npm run build \
 && test -f dist/api/main.js \
 && test -f dist/workers/main.js \
 && test -f dist/simulator/main.js \
 && test -f dist/platform/migrate.js \
 && test -f dist/workflows/index.js \
 && test -f dist/workflow-bundle.js

# ---- runtime ---------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# ca-certificates: the slim image has no CA bundle, which the Temporal SDK's native (Rust) client
# needs to connect over TLS (e.g. to Temporal Cloud). Unpinned on purpose: it should follow Debian's
# updates of the CA bundle.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    PORT=3000 \
    SIMULATOR_PORT=4010 \
    DATA_DIR=/app/.data
WORKDIR /app

# Code and dependencies stay owned by root (read-only for the app user). The worker runs the
# workflow bundle built with the code (dist/workflow-bundle.js, `workflowBundle: { codePath }`):
# no webpack at start.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist ./dist
# DATA_DIR: where the API keeps a generated operator key when OPERATOR_API_KEY is not set (the only
# thing the containerised processes write). Writable by the `node` user of the base image.
RUN mkdir -p /app/.data && chown node:node /app/.data

# The base image's unprivileged `node` user (uid/gid 1000), numeric so that runtimes can check it is
# not root (e.g. Kubernetes runAsNonRoot).
USER 1000:1000
EXPOSE 3000 4010

# No HEALTHCHECK here: the same image runs the worker, the simulator and the migration job, which
# serve no /health. docker-compose.yml gives the API service its healthcheck (GET /health).
CMD ["node", "dist/api/main.js"]
