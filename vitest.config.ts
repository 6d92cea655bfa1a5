import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // tests never read or write the user's own template folder
    env: { GMP_USER_TEMPLATES_DIR: '/nonexistent/gmp-user-templates', GMP_CONFIG_DIR: '/nonexistent/gmp-config' },
  },
});
