// The documents of the Integrations page (integrations.graphqls, integration-sync.graphqls).
import { graphql } from '../graphql/generated';
import type { IntegrationFieldsFragment, IntegrationSyncFieldsFragment } from '../graphql/generated/graphql';

graphql(`
  fragment IntegrationFields on Integration {
    id
    provider
    accountEmail
    capabilities
    status
    connectedAt
    statusChangedAt
  }
`);

graphql(`
  fragment IntegrationSyncFields on IntegrationSync {
    integrationId
    provider
    streams { data state lastSuccessAt lastError lastErrorAt items nextRunAt }
  }
`);

export type Integration = IntegrationFieldsFragment;
export type IntegrationSync = IntegrationSyncFieldsFragment;

export const INTEGRATIONS = graphql(`
  query Integrations {
    integrationProviders
    integrations { ...IntegrationFields }
    integrationSyncs { ...IntegrationSyncFields }
  }
`);

export const CONNECT_INTEGRATION = graphql(`
  mutation ConnectIntegration($input: ConnectIntegrationInput!) {
    connectIntegration(input: $input) { authorizationUrl userErrors { ...UserErrorFields } }
  }
`);

export const DISCONNECT_INTEGRATION = graphql(`
  mutation DisconnectIntegration($input: DisconnectIntegrationInput!) {
    disconnectIntegration(input: $input) { disconnectedId revokedAtProvider userErrors { ...UserErrorFields } }
  }
`);

export const SYNC_NOW = graphql(`
  mutation SyncNow($input: SyncNowInput!) {
    syncNow(input: $input) { integrationSync { ...IntegrationSyncFields } userErrors { ...UserErrorFields } }
  }
`);
