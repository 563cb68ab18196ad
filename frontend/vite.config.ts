import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// In development the SPA runs on Vite and sends /api to the gateway, as it does in production
// where the gateway serves the built files itself.
const gateway = process.env.GATEWAY_URL ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
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
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test-setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
  },
});
