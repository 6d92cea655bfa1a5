// The Electron shell's security settings and the installer configuration, checked without Electron.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { appFilePath, isAppUrl, webPreferences, windowOptions, CONTENT_SECURITY_POLICY } from '../../main/electron/security.ts';

const root = path.resolve(__dirname, '../..');

describe('Electron window', () => {
  it('isolates the renderer', () => {
    const w = windowOptions('/x/preload.cjs');
    expect(w.webPreferences).toMatchObject({
      contextIsolation: true, nodeIntegration: false, sandbox: true, webSecurity: true,
      allowRunningInsecureContent: false, webviewTag: false, nodeIntegrationInSubFrames: false,
    });
    expect(webPreferences('p').preload).toBe('p');
  });

  it('allows only its own pages', () => {
    expect(isAppUrl('app://studio/index.html')).toBe(true);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('the shell blocks navigation, new windows, permissions and remote requests', () => {
    const src = fs.readFileSync(path.join(root, 'main/electron/main.ts'), 'utf8');
    expect(src).toContain("contents.on('will-navigate'");
    expect(src).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(src).toContain('setPermissionRequestHandler');
    expect(src).toContain('onBeforeRequest');
    expect(src).toMatch(/isAppUrl\(event\.senderFrame\.url\)/);
    const preload = fs.readFileSync(path.join(root, 'main/electron/preload.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(preload).not.toMatch(/require\(|process\./);
  });
});

describe('app:// file paths', () => {
  const dir = '/opt/studio/renderer';
  it('names the renderer file a request asks for', () => {
    expect(appFilePath(dir, 'app://studio/')).toBe(path.join(dir, 'index.html'));
    expect(appFilePath(dir, 'app://studio/index.html')).toBe(path.join(dir, 'index.html'));
    expect(appFilePath(dir, 'app://studio/assets/index-abc.js')).toBe(path.join(dir, 'assets/index-abc.js'));
    expect(appFilePath(dir, 'app://studio/assets/%E4%B8%AD.js')).toBe(path.join(dir, 'assets/中.js'));
  });
  it('refuses malformed escapes, escapes from the folder and other hosts, without throwing', () => {
    for (const u of ['app://studio/%', 'app://studio/assets/%ff', 'app://studio/..%c0%af',
      'app://studio/..%2f..%2fetc%2fpasswd', 'app://studio/a%00.js', 'app://studio/..%5c..%5cwin.ini', 'app://other/index.html',
      'https://studio/index.html', 'not a url', 'app://studio/' + 'a/'.repeat(2000)]) {
      expect(() => appFilePath(dir, u)).not.toThrow();
      expect(appFilePath(dir, u), u).toBeNull();
    }
    // the URL parser folds dot segments itself: what is left stays inside the folder
    expect(appFilePath(dir, 'app://studio/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(dir, 'etc/passwd'));
  });
  it('the shell serves app:// through that function and holds a single-instance lock', () => {
    const src = fs.readFileSync(path.join(root, 'main/electron/main.ts'), 'utf8');
    expect(src).toContain('appFilePath(rendererDir, req.url)');
    expect(src).not.toContain('decodeURIComponent');
    expect(src).toContain('requestSingleInstanceLock()');
  });
});

describe('installer configuration', () => {
  const cfg = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
  it('builds offline installers and never publishes or updates', () => {
    expect(cfg.win.target.map((t: { target: string } | string) => (typeof t === 'string' ? t : t.target))).toContain('nsis');
    expect(cfg.nsis.oneClick).toBe(false);
    expect(JSON.stringify(cfg)).not.toContain('nsis-web');
    expect(cfg.linux.target).toEqual(expect.arrayContaining(['deb', 'AppImage']));
    expect(cfg.publish).toBeNull();
    expect(cfg.npmRebuild).toBe(true);
  });
  it('sets the Electron fuses, with names the packer knows', () => {
    expect(cfg.electronFuses).toMatchObject({
      runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true, enableNodeCliInspectArguments: false,
    });
    const scheme = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    for (const k of Object.keys(cfg.electronFuses)) expect(known).toContain(k);
  });
  it('packs the UI, the templates, the locales and the CJK font, and not the tests', () => {
    const files: string[] = cfg.files;
    expect(files).toEqual(expect.arrayContaining(['dist/**/*', 'templates/**/*', 'locales/**/*', 'package.json']));
    expect(files).toEqual(expect.arrayContaining(['!tests/**', '!**/*.test.ts']));
    expect(cfg.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**', 'node_modules/@embedpdf/fonts-sc/fonts/**']));
    for (const f of ['templates/banner/template.json', 'locales/zh-CN/ui.json', 'node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf']) {
      expect(fs.existsSync(path.join(root, f))).toBe(true);
    }
  });
});
