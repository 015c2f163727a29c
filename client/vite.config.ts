import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './build/precompress';
import { serviceWorker } from './build/serviceWorker';

// The dev server forwards the API and the collaboration socket to a server started with
// `npm start` (port 3000, or ACCORD_API_URL); in production that server serves this build itself.
const backend = process.env.ACCORD_API_URL ?? 'http://127.0.0.1:3000';

/**
 * @accord/shared is pure definitions, but its package does not say so; declaring its modules
 * free of side effects lets the bundle drop what the client does not use (e.g. the server's zod
 * schemas), which matters on slow connections.
 */
const sharedIsPure: Plugin = {
  name: 'accord-shared-is-pure',
  transform(code, id) {
    if (/[\\/]shared[\\/]dist[\\/]/.test(id)) return { code, map: null, moduleSideEffects: false };
    return null;
  },
};

export default defineConfig(({ command }) => {
  // a build is always a production build, even when started from a test runner that set
  // NODE_ENV=test (React would otherwise ship its development build, three times larger)
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    plugins: [react(), sharedIsPure, serviceWorker(), precompress()],
    resolve: {
      // one copy of the editor core, Yjs and React in the bundle even if npm nests a second one
      // (it did once: @tiptap/core 3.34 next to 3.31); two copies break instanceof checks
      dedupe: ['@tiptap/core', '@tiptap/pm', 'yjs', 'y-protocols', 'lib0', 'react', 'react-dom'],
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      target: 'es2022',
      // the editor chunk (Tiptap, ProseMirror, Yjs) is loaded only on the document page
      chunkSizeWarningLimit: 600,
    },
    server: {
      port: 5173,
      proxy: {
        '/api': { target: backend, changeOrigin: false },
        '/collab': { target: backend, ws: true, changeOrigin: false },
      },
    },
  };
});
