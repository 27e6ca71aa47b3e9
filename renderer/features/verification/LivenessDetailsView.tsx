import { useTranslation } from 'react-i18next';
import { hasLivenessDetails, readLivenessDetails, type DetailCounter } from '../../../core/faceid/verification';
import { DETAIL_KEYS } from './detail-words';

/** The words for an API key of the details, or undefined when the console has none. */
function useDetailWords(): (key: string) => string | undefined {
  const { t } = useTranslation('verifyView');
  return (key) => (DETAIL_KEYS.has(key) ? t(`details.words.${key}` as 'details.words.UPLOAD_TIMES') : undefined);
}

function Counter({ c }: { c: DetailCounter }) {
  const { t } = useTranslation('verifyView');
  const words = useDetailWords()(c.key);
  return (
    <tr>
      <th scope="row" title={words ? undefined : t('details.unknownKey')}>
        {words ?? c.key} {words && <code>{c.key}</code>}
      </th>
      <td className="count">{c.value}</td>
    </tr>
  );
}

/** An entry that is not a counter, shown as received. */
function Other({ name, value }: { name: string; value: unknown }) {
  const { t } = useTranslation('verifyView');
  return (
    <tr>
      <th scope="row" title={t('details.unknownKey')}>
        <code>{name}</code>
      </th>
      <td>
        <code>{JSON.stringify(value)}</code>
      </td>
    </tr>
  );
}

/** `liveness_result.details` as a table: plain words, the API key beside, unknown keys kept. */
export function LivenessDetailsView({ details }: { details: unknown }) {
  const { t } = useTranslation('verifyView');
  const wordsOf = useDetailWords();
  const d = readLivenessDetails(details);
  if (!hasLivenessDetails(d)) return null;
  return (
    <section className="liveness-details" aria-label={t('details.heading')}>
      <h4>{t('details.heading')}</h4>
      <table aria-label={t('details.caption')}>
        <tbody>
          {d.counters.map((c) => (
            <Counter key={c.key} c={c} />
          ))}
          {d.other.map((o) => (
            <Other key={o.key} name={o.key} value={o.value} />
          ))}
        </tbody>
        {d.groups.map((g) => (
          <tbody key={g.key} aria-label={wordsOf(g.key) ?? g.key}>
            <tr>
              <th scope="rowgroup" colSpan={2}>
                <strong>{wordsOf(g.key) ?? g.key}</strong> <code>{g.key}</code>
              </th>
            </tr>
            {g.counters.map((c) => (
              <Counter key={c.key} c={c} />
            ))}
            {g.other.map((o) => (
              <Other key={o.key} name={o.key} value={o.value} />
            ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}
