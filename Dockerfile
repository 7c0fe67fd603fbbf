# One image for every service; the command picks which one runs (see docker-compose.yml).
# Build stage: every dependency (TypeScript included), compiled to dist/, then the dev dependencies pruned.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY contracts ./contracts
COPY platform ./platform
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY schema ./schema
RUN npm run build && npm prune --omit=dev

# Run stage: compiled JavaScript and production dependencies only, as the unprivileged `node` user.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 DATA_DIR=/app/data
# A larger young generation: request garbage dies young; cut the gateway's GC share by about a third under
# bench:query (README, production). Every service of the image gets it; it was measured on the gateway.
ENV NODE_OPTIONS=--max-semi-space-size=32
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000 4001 4002 4003
CMD ["node", "dist/scripts/start.js"]
