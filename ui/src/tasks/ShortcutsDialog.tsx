import { Dialog } from '../components/Dialog';
import { useTranslation } from '../i18n';

const KEYS = [
  { keys: ['n', '/'], what: 'capture' },
  { keys: ['j'], what: 'next' },
  { keys: ['k'], what: 'previous' },
  { keys: ['x'], what: 'complete' },
  { keys: ['e'], what: 'edit' },
  { keys: ['?'], what: 'help' },
] as const;

/** The list of keyboard shortcuts ("?"): a modal dialog, closed with Escape or its button. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('shortcuts.heading')} onClose={onClose} size="small">
      <dl className="shortcuts">
        {KEYS.map(({ keys, what }) => (
          <div className="shortcuts__row" key={what}>
            <dt>
              {keys.map((key, i) => (
                <span key={key}>
                  {i > 0 ? ` ${t('shortcuts.or')} ` : null}
                  <kbd className="kbd">{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`shortcuts.keys.${what}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('shortcuts.note')}</p>
    </Dialog>
  );
}
