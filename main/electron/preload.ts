// Sandboxed preload: exposes exactly two functions to the page, nothing of Node or Electron.
import { contextBridge, ipcRenderer } from 'electron';

const IPC_CHANNEL = 'gmp:invoke';
const MENU_CHANNEL = 'gmp:menu';

contextBridge.exposeInMainWorld('gmp', {
  invoke: (method: string, args: unknown, lang: string) => ipcRenderer.invoke(IPC_CHANNEL, String(method), args, String(lang)),
  onMenu: (cb: (action: string, payload: unknown) => void) => {
    ipcRenderer.on(MENU_CHANNEL, (_e, action: string, payload: unknown) => cb(String(action), payload));
  },
});
