import react from "@vitejs/plugin-react";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

// In development the SPA runs on Vite and sends /api to the gateway, as it does in production
// where the gateway serves the built files itself.
const gateway = process.env.GATEWAY_URL ?? "http://127.0.0.1:8000";

const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;
const MIN_SIZE = 1024;

/**
 * Writes `x.js.br` and `x.js.gz` beside every text file of the build, compressed once at the
 * highest levels (brotli 11 takes seconds for the largest chunk: too slow per request). The
 * gateway (sunshine_gateway/spa.py) serves them to browsers that accept them.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: "sunshine:precompress",
    apply: "build",
    async writeBundle({ dir }, bundle) {
      const names = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        names.map(async (name) => {
          const path = join(dir!, name);
          const data = await readFile(path);
          if (data.length < MIN_SIZE) return;
          const [br, gzipped] = await Promise.all([
            brotli(data, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
            gz(data, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    proxy: {
      "/api": gateway,
      "/docs": gateway,
      "/openapi.json": gateway,
    },
  },
  build: {
    outDir: "dist",
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The libraries the first chunk imports (React, the router, antd's core and what the
          // portal's layout uses) in one file: it compresses better than the dozen pieces the
          // automatic split makes of it, and changes only when those libraries do. What pages
          // alone use stays in their chunks.
          groups: [{ name: "vendor", test: /[\\/]node_modules[\\/]/, tags: ["$initial"] }],
        },
      },
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test-setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    // A page test renders Ant Design in jsdom: seconds each on CI's two cores, more while the
    // component suites share them. Five seconds failed such tests by the clock, not by behaviour.
    testTimeout: 30_000,
  },
});
