import { Section } from '../components/Section';
import { useTranslation } from '../i18n';
import type { GraphQLClient } from '../graphql/client';
import type { User } from '../graphql/operations';
import { EmailSettings } from './EmailSettings';
import { IdentitiesSettings } from './IdentitiesSettings';
import { MfaSettings } from './MfaSettings';
import { PasswordChange } from './PasswordChange';
import { SessionsList } from './SessionsList';

/** The address, the password, two-step sign-in, linked Google and Microsoft accounts, and where the person is signed in. */
export function SecuritySection({ client, user }: { client: GraphQLClient; user: User }) {
  const { t } = useTranslation();
  return (
    <Section id="security" title={t('security.title')} lead={t('security.lead')}>
      <EmailSettings client={client} />
      <PasswordChange client={client} />
      <MfaSettings client={client} user={user} />
      <IdentitiesSettings client={client} timeZone={user.timeZone} />
      <SessionsList client={client} timeZone={user.timeZone} />
    </Section>
  );
}
