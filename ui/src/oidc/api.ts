// The GraphQL documents and types of signing in with Google or Microsoft (oidc.graphqls).
import type { Operation } from '../graphql/client';
import type { UserError } from '../graphql/types';

export type IdentityProvider = 'GOOGLE' | 'MICROSOFT';

export interface SignInProvider {
  provider: IdentityProvider;
  /** The provider's name to show, e.g. Google. */
  name: string;
  /** Where the browser goes to sign in (a full-page navigation). */
  startUrl: string;
}

export interface ExternalIdentity {
  id: string;
  provider: IdentityProvider;
  email: string | null;
  linkedAt: string;
  lastUsedAt: string | null;
}

const PROVIDER_FIELDS = 'provider name startUrl';

export const SIGN_IN_PROVIDERS: Operation<{ signInProviders: SignInProvider[] }, Record<string, never>> = {
  operationName: 'SignInProviders',
  query: `query SignInProviders {
  signInProviders { ${PROVIDER_FIELDS} }
}`,
};

export const IDENTITIES: Operation<
  { identities: ExternalIdentity[] | null; signInProviders: SignInProvider[] },
  Record<string, never>
> = {
  operationName: 'Identities',
  query: `query Identities {
  identities { id provider email linkedAt lastUsedAt }
  signInProviders { ${PROVIDER_FIELDS} }
}`,
};

export const START_IDENTITY_LINK: Operation<
  { startIdentityLink: { url: string | null; userErrors: UserError[] } },
  { input: { provider: IdentityProvider } }
> = {
  operationName: 'StartIdentityLink',
  query: `mutation StartIdentityLink($input: StartIdentityLinkInput!) {
  startIdentityLink(input: $input) { url userErrors { field message code } }
}`,
};

export const UNLINK_IDENTITY: Operation<
  { unlinkIdentity: { unlinkedId: string | null; userErrors: UserError[] } },
  { input: { id: string } }
> = {
  operationName: 'UnlinkIdentity',
  query: `mutation UnlinkIdentity($input: UnlinkIdentityInput!) {
  unlinkIdentity(input: $input) { unlinkedId userErrors { field message code } }
}`,
};
