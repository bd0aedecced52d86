import { contextBridge } from 'electron';

// Tells the page which shell window it is in; renderers feature-detect `window.hallShell`
// and behave the same in a plain browser. Nothing else crosses the bridge.
function argument(name: string): string | null {
  const prefix = `--${name}=`;
  const found = process.argv.find((arg) => arg.startsWith(prefix));
  return found ? found.slice(prefix.length) : null;
}

contextBridge.exposeInMainWorld('hallShell', Object.freeze({ kind: 'electron', role: argument('hall-role'), screenId: argument('hall-screen') }));
