import { defineConfig } from "vite";

// Everything is bundled into dist/ (no CDN); the API serves it at `/`, same origin as /graphql.
export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // One analyst tool, not a public site: a single chunk loads in one round trip from the API.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: { "/graphql": "http://127.0.0.1:8000" },
  },
});
