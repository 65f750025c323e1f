import { defineConfig } from 'vitest/config';

// The SPA is served by the Java server from the classpath folder `web/`: the Maven `ui` module packages
// target/classes, so Vite writes straight into target/classes/web.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/classes/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    // `npm run dev` against a locally running server: GraphQL, provider sign-in and the data export are proxied,
    // cookies stay same-origin.
    proxy: {
      '/graphql': process.env.PA_BASE_URL ?? 'http://localhost:8080',
      '/auth': process.env.PA_BASE_URL ?? 'http://localhost:8080',
      '/account': process.env.PA_BASE_URL ?? 'http://localhost:8080',
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    globalSetup: ['src/test/generateGraphQL.ts'],
    environment: 'node',
  },
});
