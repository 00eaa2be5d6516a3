# The ferpa-ready image: what the scheduled-audit module (reference-stack/terraform/modules/
# scheduled-audit) runs on ECS Fargate, and what `docker run` users run locally.
#
#   docker build -t ferpa-ready:0.1.0 .
#   docker run --rm -v "$PWD:/work:ro" -w /work ferpa-ready:0.1.0 scan infra/plan.json
#
# Stage 1 packs the package exactly as npm publishes it (the package.json `files` whitelist: no
# tests, fixtures or reference stack; prepack compiles the CLI into dist/). Stage 2 installs only its
# runtime dependencies and runs as the unprivileged `node` user.
# No credentials are built in: AWS access comes from the task role (or the environment) at run time.

FROM node:20.18.1-bookworm-slim AS pack
WORKDIR /src
COPY package.json package-lock.json ./
COPY bin ./bin
COPY checks ./checks
COPY reports ./reports
COPY policies ./policies
COPY scripts/build.mjs ./scripts/build.mjs
COPY README.md ./
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm pack --pack-destination /tmp \
 && mkdir /pkg \
 && tar -xzf /tmp/ferpa-ready-*.tgz -C /pkg --strip-components=1 \
 && cp package-lock.json /pkg/

FROM node:20.18.1-bookworm-slim AS runtime
LABEL org.opencontainers.image.title="ferpa-ready" \
      org.opencontainers.image.description="FERPA readiness checks for AWS stacks (Terraform source, plans and the live account)"
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY --from=pack /pkg/ ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force \
 && chown -R root:root /app \
 && chmod -R a-w /app
USER node
WORKDIR /work
ENTRYPOINT ["node", "/app/bin/ferpa-ready.js"]
CMD ["--help"]
