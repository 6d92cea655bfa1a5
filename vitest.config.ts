import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // tests never read or write the user's own template folder
    // and keep their cached map pictures apart from the user's
    env: { GMP_USER_TEMPLATES_DIR: '/nonexistent/gmp-user-templates', GMP_CONFIG_DIR: '/nonexistent/gmp-config', GMP_CACHE_DIR: path.join(os.tmpdir(), 'gmp-test-cache') },
  },
});
