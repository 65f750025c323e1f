import type { CodegenConfig } from '@graphql-codegen/cli';
import { Kind, type DocumentNode } from 'graphql';

// GraphQL Code Generator: checks every `graphql()` document in src/ against the server's schema and writes their
// result and variables types to src/graphql/generated/ (not committed: `npm run codegen`, and build, typecheck and
// the Vitest setup run it first, so the types always come from the schema as it is now).
const config: CodegenConfig = {
  schema: '../graphql-schema/src/main/graphql/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/**/*.test.{ts,tsx}', '!src/graphql/generated/**'],
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: {
        // Components take plain objects: a fragment only names a selection that several documents share.
        fragmentMasking: false,
        // The client sends the operation name beside the query (the server and the tests' fakes read it).
        onExecutableDocumentNode: (document: DocumentNode) => {
          const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
          return operation?.name ? { operationName: operation.name.value } : undefined;
        },
      },
      config: {
        // Documents are sent as text: no parsed AST in the bundle and no GraphQL library at run time.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        skipTypename: true,
        // A selected field is always in the answer (null when empty), so the types say so.
        avoidOptionals: { field: true },
        strictScalars: true,
        scalars: { DateTime: 'string', Date: 'string' },
      },
    },
  },
};

export default config;
