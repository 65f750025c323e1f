import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy next to each text file of the build, at the highest levels since this
 * runs once per build: the server sends them as they are (web/SpaRouting) to browsers that accept them. Files under
 * 1 KiB, and copies that would not be smaller, are left out.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'pa-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const files = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const file = join(dir, name);
          return statSync(file).isDirectory() ? files(file) : [file];
        });
      for (const file of files(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        const brotli = brotliCompressSync(content, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
        });
        const gzip = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
        if (brotli.length < content.length) writeFileSync(`${file}.br`, brotli);
        if (gzip.length < content.length) writeFileSync(`${file}.gz`, gzip);
      }
    },
  };
}

// The SPA is served by the Java server from the classpath folder `web/`: the Maven `ui` module packages
// target/classes, so Vite writes straight into target/classes/web.
export default defineConfig({
  base: '/',
  plugins: [precompress()],
  build: {
    outDir: 'target/classes/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      // Radix's modules start with "use client" (for React Server Components), which means nothing in an SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
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
