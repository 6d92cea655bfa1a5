// The Electron window's security settings, kept apart from the shell so a unit test can read them
// (no Electron binary is needed to check what the shell will ask for).
import { CSP } from '../host/server.ts';
import { staticFilePath } from '../host/static-path.ts';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://studio`;

export function webPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const;
}

export function windowOptions(preloadPath: string) {
  return {
    width: 1400,
    height: 900,
    minWidth: 1000,
    minHeight: 640,
    show: false,
    title: '绿色矿山规划编制器',
    backgroundColor: '#f6f8f7',
    webPreferences: webPreferences(preloadPath),
  };
}

/** Only the app's own pages may be shown; everything else is refused. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'studio';
  } catch {
    return false;
  }
}

export const CONTENT_SECURITY_POLICY = CSP;

/** The renderer file an app:// request names, or null (another host, a malformed escape, `..`): never throws. */
export function appFilePath(rendererDir: string, requestUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== 'studio') return null;
  return staticFilePath(rendererDir, u.pathname);
}

/** The single IPC channel; its only argument shape is (method, args, lang). */
export const IPC_CHANNEL = 'gmp:invoke';
export const MENU_CHANNEL = 'gmp:menu';
