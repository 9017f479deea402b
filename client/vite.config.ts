import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The service worker lives with the due-alert feature it belongs to, but the browser must load it
 * from /sw.js, unbundled, for its scope to be the whole app: served there by `npm run dev` and
 * copied there into dist/.
 */
function serviceWorker(source: string): Plugin {
  const read = () => readFileSync(new URL(source, import.meta.url), 'utf8');
  return {
    name: 'agentlocator-service-worker',
    configureServer(server) {
      server.middlewares.use('/sw.js', (_request, response) => {
        response.setHeader('Content-Type', 'text/javascript');
        response.end(read());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: read() });
    },
  };
}

// The gateway serves dist/ in production and in the local stack; `npm run dev` proxies the API
// and the socket to it so the SPA can be worked on with hot reload.
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), serviceWorker('./src/features/due-alerts/sw.js')],
  server: {
    port: 5173,
    proxy: {
      '/api': gateway,
      '/ws': { target: gateway, ws: true },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    unstubGlobals: true,
  },
});
