# Worksite: one image for the api (which serves the web app), the worker and the CLI.
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api worker web

FROM node:20.20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
# Chinese text in the printed Gantt and day plans (PDF) needs a CJK font.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
# The api's node flags as in tools/node-flags.json (which npm start and the test stack read).
CMD ["node", "--max-semi-space-size=64", "dist/apps/api/main.js"]
