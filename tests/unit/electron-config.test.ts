// The Electron shell's security settings and the installer configuration, checked without Electron.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isAppUrl, webPreferences, windowOptions, CONTENT_SECURITY_POLICY } from '../../main/electron/security.ts';

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
