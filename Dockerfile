# aifirst: the server in a container (docs/deploy.md, "In a container").
#   docker build -t aifirst .
#   docker run -d --stop-timeout 30 -p 127.0.0.1:3000:3000 -v aifirst-data:/data
#     --env-file aifirst.env aifirst      (one command; HOST left empty in that file)

# ---- build: dependencies (with the native module compiled), dist/, then only what runs ----
FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles its native addon from source when no prebuilt binary can be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app

# Dependencies first, so this layer and the native build are reused until the lockfile changes.
# --ignore-scripts because the root `prepare` script compiles src/, which is not copied yet;
# `npm rebuild` then runs the dependencies' own install scripts (never the root package's).
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts && npm rebuild

# tsc (a devDependency) builds dist/; prune then removes the devDependencies and keeps the
# compiled native addon, so the runtime stage copies a finished node_modules and builds nothing.
COPY . .
RUN npm run build && npm prune --omit=dev

# ---- runtime: the files that run, owned by root, read by the unprivileged `node` user ----
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data CONTENT_DIR=/app/content
# V8's heap sized to this server, as `npm start` runs it (docs/performance.md, "Memory"). A library
# of more than ~10,000 FAQs and steps needs more, e.g. for 50,000:
#   docker run -e NODE_OPTIONS="--max-old-space-size=1024 --max-semi-space-size=4" ...
ENV NODE_OPTIONS="--max-old-space-size=256 --max-semi-space-size=4"
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY glossary ./glossary
# The playbooks baked in; mount your own over it: -v "$PWD/content:/app/content:ro".
COPY content ./content
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# Slim images have no curl: node's own fetch asks /healthz on the port the server uses.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself as PID 1 (not npm): it receives SIGTERM and SIGHUP and stops or reloads cleanly.
CMD ["node", "dist/main.js", "serve"]
