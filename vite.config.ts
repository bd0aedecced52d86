import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = resolve(import.meta.dirname, 'renderer');

/** One entry per window role (DESIGN.md): each is `renderer/<role>/index.html`. */
const ROLES = ['board', 'kiosk', 'staff'] as const;
const input = Object.fromEntries(
  ROLES.map((role) => [role, resolve(root, role, 'index.html')] as const).filter(([, file]) => existsSync(file)),
);

// One build with an input per window role; the hall host serves dist/renderer.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    // The CJK font and React make the board bundle large; it is served over loopback or the
    // hall LAN and cached immutably, so the default 500 kB warning does not apply.
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input },
  },
});
