// The Electron shell: a thin adapter. The window loads the app's own files over app://studio/,
// the renderer reaches the studio only through the preload's invoke → one IPC channel → dispatch.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StudioService } from '../api/service.ts';
import { dispatch } from '../api/dispatch.ts';
import type { DialogKind } from '../api/contract.ts';
import type { Lang } from '../domain/vocabulary.ts';
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, IPC_CHANNEL, MENU_CHANNEL, appFilePath, isAppUrl, windowOptions } from './security.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
process.env.GMP_TEMPLATES_DIR ??= path.join(root, 'templates');
// the app's caches (map rasters, face measures) live with its own data, not in ~/.cache
process.env.GMP_CACHE_DIR ??= path.join(app.getPath('userData'), 'cache');
const rendererDir = path.join(root, 'dist', 'renderer');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let service: StudioService;
let win: BrowserWindow | null = null;

function send(action: string, payload?: unknown) {
  win?.webContents.send(MENU_CHANNEL, action, payload);
}

function buildMenu(lang: 'zh' | 'en') {
  const zh = lang === 'zh';
  const template: MenuItemConstructorOptions[] = [
    {
      label: zh ? '文件' : 'File',
      submenu: [
        { label: zh ? '从模板新建…' : 'New from template…', accelerator: 'CmdOrCtrl+N', click: () => send('new') },
        {
          label: zh ? '打开…' : 'Open…', accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const r = await dialog.showOpenDialog(win!, { filters: [{ name: zh ? '规划文件' : 'Plan files', extensions: ['gmplan'] }], properties: ['openFile'] });
            if (!r.canceled && r.filePaths[0]) send('open', r.filePaths[0]);
          },
        },
        { label: zh ? '最近打开' : 'Recent', submenu: service.recent().map((f) => ({ label: f, click: () => send('open', f) })) },
        {
          label: zh ? '另存为…' : 'Save as…', accelerator: 'CmdOrCtrl+Shift+S',
          click: async () => {
            const r = await dialog.showSaveDialog(win!, { filters: [{ name: 'gmplan', extensions: ['gmplan'] }] });
            if (!r.canceled && r.filePath) send('saveAs', r.filePath);
          },
        },
        { type: 'separator' },
        { label: zh ? '导出 Word…' : 'Export Word…', click: () => send('export', 'docx') },
        { label: zh ? '导出 PDF…' : 'Export PDF…', click: () => send('export', 'pdf') },
        { type: 'separator' },
        { role: 'quit', label: zh ? '退出' : 'Quit' },
      ],
    },
    {
      label: zh ? '编辑' : 'Edit',
      submenu: [
        { label: zh ? '撤销' : 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        { label: zh ? '重做' : 'Redo', accelerator: 'CmdOrCtrl+Y', click: () => send('redo') },
        { type: 'separator' },
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' },
      ],
    },
    {
      label: zh ? '视图' : 'View',
      submenu: [
        { label: '中文', type: 'radio', checked: zh, click: () => { buildMenu('zh'); send('lang', 'zh'); } },
        { label: 'English', type: 'radio', checked: !zh, click: () => { buildMenu('en'); send('lang', 'en'); } },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function serveAppFiles() {
  protocol.handle(APP_SCHEME, async (req) => {
    try {
      const file = appFilePath(rendererDir, req.url);
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return new Response('not found', { status: 404 });
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }[path.extname(file)] ?? 'application/octet-stream';
      return new Response(fs.readFileSync(file), { headers: { 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

function lockDown() {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  ses.setPermissionCheckHandler(() => false);
  // No request leaves the machine: only the app's own files load.
  ses.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !(details.url.startsWith(`${APP_SCHEME}:`) || details.url.startsWith('devtools:')) }));
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e, url) => { if (!isAppUrl(url)) e.preventDefault(); });
    contents.on('will-redirect', (e, url) => { if (!isAppUrl(url)) e.preventDefault(); });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** The native dialogs the page asks for through the contract ('dialog.choose'): the path chosen, or null. */
async function chooseNative(kind: DialogKind, defaultName: string | undefined, lang: Lang): Promise<string | null> {
  if (!win) return null;
  const zh = lang === 'zh';
  const plans = { name: zh ? '规划文件' : 'Plan files', extensions: ['gmplan'] };
  if (kind === 'savePlan') {
    const r = await dialog.showSaveDialog(win, { defaultPath: path.join(service.info().workspace, defaultName ?? 'plan.gmplan'), filters: [plans] });
    return r.canceled || !r.filePath ? null : r.filePath;
  }
  const r = await dialog.showOpenDialog(win, kind === 'exportFolder'
    ? { properties: ['openDirectory', 'createDirectory'] }
    : { properties: ['openFile'], filters: [kind === 'openPlan' ? plans : { name: zh ? '表格' : 'Spreadsheets', extensions: ['xlsx', 'csv', 'txt'] }] });
  return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
}

// One studio per user: a second start hands its plan file to the running one and quits.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();
app.on('second-instance', (_e, argv) => {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
  const file = argv.find((a) => a.endsWith('.gmplan'));
  if (file) send('open', file);
});

if (firstInstance) app.whenReady().then(async () => {
  service = new StudioService({ workspace: path.join(app.getPath('documents'), 'GreenMinePlans'), configDir: app.getPath('userData'), openPath: (dir) => shell.openPath(dir), dialogs: chooseNative });
  serveAppFiles();
  lockDown();
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, args: unknown, lang: unknown) => {
    // only our own page may call
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) return { ok: false, error: { code: 'api.unauthorized', message: 'unauthorised' } };
    return dispatch(service, method, args, lang === 'en' ? 'en' : 'zh');
  });
  buildMenu('zh');
  const argFile = process.argv.find((a) => a.endsWith('.gmplan'));
  if (argFile) service.openFile(argFile);
  else await service.openSample();
  win = new BrowserWindow(windowOptions(path.join(here, 'preload.cjs')));
  win.once('ready-to-show', () => win?.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
});

app.on('window-all-closed', () => {
  service?.close();
  app.quit();
});
