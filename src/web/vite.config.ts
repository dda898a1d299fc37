import path from "node:path";
import react from "@vitejs/plugin-react";
import postcssPresetMantine from "postcss-preset-mantine";
import { defineConfig } from "vite";

const webRoot = import.meta.dirname;
const repoRoot = path.resolve(webRoot, "../..");

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  // Declared here rather than in a postcss.config file so that the build finds it
  // whatever the working directory (Vite looks for PostCSS config files from `root`).
  css: {
    postcss: { plugins: [postcssPresetMantine()] },
  },
  build: {
    outDir: path.join(repoRoot, "dist/web"),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than Vigil itself: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
              priority: 3,
            },
            { name: "mantine", test: /node_modules[\\/](@mantine|@floating-ui|@tabler)[\\/]/, priority: 2 },
            { name: "vendor", test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    // The API is served by the Vigil server on its own port in development; same origin in production.
    proxy: { "/api": { target: "http://127.0.0.1:8247", changeOrigin: false } },
  },
});
