// The gmp command as a user runs it: exit codes, one-line messages, nothing half-written.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tmpDir } from './helpers.ts';

const GMP = path.resolve(__dirname, '../../bin/gmp.mjs');

function gmp(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [GMP, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('gmp', () => {
  const dir = tmpDir('gmp-cli-');
  const plan = path.join(dir, 's.gmplan');

  it('writes the sample, reports it and exports both formats in both languages', () => {
    expect(gmp(['sample', plan]).code).toBe(0);
    const info = gmp(['info', plan, '--json']);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.out)).toMatchObject({ mines: 82, coal: 72, coalShare: '87.80', large: 31, medium: 28, small: 23, producing: 62, greenNational: 6, greenRegional: 42 });
    const out = path.join(dir, 'out');
    const zh = gmp(['export', plan, '--lang', 'zh', '--format', 'docx,pdf', '--out', out]);
    expect(zh.code).toBe(0);
    const en = gmp(['export', plan, '--lang', 'en', '--format', 'docx', '--out', out]);
    expect(en.code).toBe(0);
    const files = fs.readdirSync(out).sort();
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
    expect(files.some((f) => f.includes('.tmp'))).toBe(false);
  }, 300_000); // three exports in child processes (with the three appendix maps) on a shared machine

  it('refuses a file that is not a plan, in one line, in Chinese or English', () => {
    const bogus = path.join(dir, 'bogus.gmplan');
    fs.writeFileSync(bogus, 'PK\u0003\u0004 not a plan');
    const zh = gmp(['export', bogus, '--lang', 'zh', '--format', 'docx', '--out', path.join(dir, 'o1')]);
    expect(zh.code).not.toBe(0);
    expect(zh.err.trim().split('\n')).toHaveLength(1);
    expect(zh.err).toContain('不是规划文件');
    const en = gmp(['info', bogus], { GMP_LANG: 'en' });
    expect(en.code).not.toBe(0);
    expect(en.err).toContain('is not a plan file');
  });

  it('refuses an unwritable output folder and leaves nothing behind', () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'x');
    const r = gmp(['export', plan, '--lang', 'zh', '--format', 'docx,pdf', '--out', path.join(blocker, 'out')]);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('无法写入');
    expect(fs.readFileSync(blocker, 'utf8')).toBe('x');
  });

  it('rejects bad options with a usage message', () => {
    expect(gmp(['export', plan, '--lang', 'fr', '--out', dir]).err).toContain('不支持的语言');
    expect(gmp(['export', plan, '--format', 'odt', '--out', dir]).err).toContain('不支持的导出格式');
    expect(gmp(['frobnicate']).code).not.toBe(0);
    expect(gmp(['sample', plan]).err).toContain('已存在');
  });

  it('creates an empty district plan that exports', () => {
    const d = path.join(dir, 'd.gmplan');
    expect(gmp(['new', d, '--template', 'district', '--name', '测试区']).code).toBe(0);
    const r = gmp(['export', d, '--lang', 'zh', '--format', 'docx', '--out', path.join(dir, 'dout')]);
    expect(r.code).toBe(0);
    expect(gmp(['new', path.join(dir, 'x.gmplan'), '--template', 'nope', '--name', 'x']).err).toContain('没有名为');
  });
});
