import { hasLivenessDetails, readLivenessDetails, type DetailCounter } from '../../../core/faceid/verification';
import { DETAIL_WORDS, DETAILS_TEXT } from './detail-words';

function Counter({ c }: { c: DetailCounter }) {
  const words = DETAIL_WORDS[c.key];
  return (
    <tr>
      <th scope="row" title={words ? undefined : DETAILS_TEXT.unknownKey}>
        {words ?? c.key} {words && <code>{c.key}</code>}
      </th>
      <td className="count">{c.value}</td>
    </tr>
  );
}

/** An entry that is not a counter, shown as received. */
function Other({ name, value }: { name: string; value: unknown }) {
  return (
    <tr>
      <th scope="row" title={DETAILS_TEXT.unknownKey}>
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
  const d = readLivenessDetails(details);
  if (!hasLivenessDetails(d)) return null;
  return (
    <section className="liveness-details" aria-label={DETAILS_TEXT.heading}>
      <h4>{DETAILS_TEXT.heading}</h4>
      <table aria-label={DETAILS_TEXT.caption}>
        <tbody>
          {d.counters.map((c) => (
            <Counter key={c.key} c={c} />
          ))}
          {d.other.map((o) => (
            <Other key={o.key} name={o.key} value={o.value} />
          ))}
        </tbody>
        {d.groups.map((g) => (
          <tbody key={g.key} aria-label={DETAIL_WORDS[g.key] ?? g.key}>
            <tr>
              <th scope="rowgroup" colSpan={2}>
                <strong>{DETAIL_WORDS[g.key] ?? g.key}</strong> <code>{g.key}</code>
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
