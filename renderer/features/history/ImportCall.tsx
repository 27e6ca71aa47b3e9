import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportError, importCall, type ImportedCall } from '../../../core/import';
import { ToolDialog } from '../../app/ToolDialog';
import { fillFormFrom } from './import-into-form';

/**
 * "Import call…": paste a cURL command, a raw multipart dump or a JSON object of parameters and
 * fill the form with it. A secret in the paste is dropped by the importer before anything is kept,
 * and the dialog says so.
 */
export function ImportCall({ onClose, onFilled }: { onClose(): void; onFilled(): void }) {
  const { t } = useTranslation('support');
  const [text, setText] = useState('');
  const [read, setRead] = useState<{ call: ImportedCall } | { error: string }>();

  const readPaste = () => {
    try {
      setRead({ call: importCall(text) });
    } catch (e) {
      setRead({ error: e instanceof ImportError ? t(`import.error.${e.code}`) : String(e) });
    }
  };
  const call = read && 'call' in read ? read.call : undefined;
  return (
    <ToolDialog title={t('import.title')} onClose={onClose}>
      <label className="stack">
        {t('import.pasteLabel')}
        <textarea
          rows={10}
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setRead(undefined);
          }}
        />
      </label>
      <div className="actions">
        <button type="button" onClick={readPaste} disabled={text.trim() === ''}>
          {t('import.read')}
        </button>
      </div>
      {read && 'error' in read && (
        <p className="msg error" role="alert">
          {read.error}
        </p>
      )}
      {call && (
        <section aria-label={t('import.found')}>
          <h3>{t('import.foundSummary', { source: call.source, count: Object.keys(call.params).length, photos: call.photos.length })}</h3>
          <ul>
            {call.notes.map((n, i) => (
              <li key={i} className={n.code === 'SECRET_DROPPED' ? 'msg warning' : 'msg'}>
                {t(`import.note.${n.code}`, { param: n.param ?? '', detail: n.detail ?? '' })}
              </li>
            ))}
          </ul>
          <table className="params-table">
            <tbody>
              {Object.entries(call.params).map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">
                    <code>{k}</code>
                  </th>
                  <td className="mono">{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                fillFormFrom(call, (original) => t('import.bizNoNotice', { original }));
                onClose();
                onFilled();
              }}
            >
              {t('import.fill')}
            </button>
          </div>
        </section>
      )}
    </ToolDialog>
  );
}
