// Vitest's global setup: writes src/graphql/generated/ from the schema and the documents as they are now, so that
// however the suite is started (npm test, npx vitest, under faketime) it never runs against missing or stale documents.
import { generate } from '@graphql-codegen/cli';
import config from '../../codegen';

export default async function generateGraphQL(): Promise<void> {
  await generate({ ...config, silent: true }, true);
}
