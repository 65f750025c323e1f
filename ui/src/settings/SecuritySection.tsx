import { Section } from '../components/Section';
import type { GraphQLClient } from '../graphql/client';
import type { User } from '../graphql/types';
import { MfaSettings } from './MfaSettings';

/** How the person signs in. */
export function SecuritySection({ client, user }: { client: GraphQLClient; user: User }) {
  return (
    <Section id="security" title="Security" lead="How you sign in, and what keeps your account yours.">
      <MfaSettings client={client} user={user} />
    </Section>
  );
}
