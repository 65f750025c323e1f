// The documents of signing in with Google or Microsoft and of linked accounts (oidc.graphqls).
import { graphql } from '../graphql/generated';
import type { IdentitiesQuery, SignInProviderFieldsFragment } from '../graphql/generated/graphql';

// Fragments are defined once here for the generator; documents spread them by name.
graphql(`
  fragment SignInProviderFields on SignInProvider {
    provider
    name
    startUrl
  }
`);

export type SignInProvider = SignInProviderFieldsFragment;
export type ExternalIdentity = NonNullable<IdentitiesQuery['identities']>[number];

export const SIGN_IN_PROVIDERS = graphql(`
  query SignInProviders {
    signInProviders { ...SignInProviderFields }
  }
`);

export const IDENTITIES = graphql(`
  query Identities {
    identities { id provider email linkedAt lastUsedAt }
    signInProviders { ...SignInProviderFields }
  }
`);

export const START_IDENTITY_LINK = graphql(`
  mutation StartIdentityLink($input: StartIdentityLinkInput!) {
    startIdentityLink(input: $input) { url userErrors { ...UserErrorFields } }
  }
`);

export const UNLINK_IDENTITY = graphql(`
  mutation UnlinkIdentity($input: UnlinkIdentityInput!) {
    unlinkIdentity(input: $input) { unlinkedId userErrors { ...UserErrorFields } }
  }
`);

export const PENDING_IDENTITY_LINK = graphql(`
  query PendingIdentityLink($token: String!) {
    pendingIdentityLink(token: $token) { provider email }
  }
`);

export const CONFIRM_IDENTITY_LINK = graphql(`
  mutation ConfirmIdentityLink($input: ConfirmIdentityLinkInput!) {
    confirmIdentityLink(input: $input) { identity { id provider email linkedAt lastUsedAt } userErrors { ...UserErrorFields } }
  }
`);
