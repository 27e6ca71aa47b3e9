import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  confidenceLabel,
  confidenceTag,
  paramNotes,
  paramSummary,
  serviceDefaultText,
  valueLabel,
  type ParamSpec,
} from '../../../core/faceid/catalogue';
import { isRequired, utf8Length } from '../../../core/faceid/validate';
import type { FieldIssue } from '../../../core/result';
import { photoSet, useConsole } from '../../app/store';
import { useRenderRef } from '../../i18n/message-ref';
import { FieldMessages } from './FieldMessages';

const OTHER = '\u0000other';

interface Props {
  spec: ParamSpec;
  issues: FieldIssue[];
  serviceMessage?: string;
}

/** One get_token parameter, rendered from its catalogue entry. Its label contains its API name. */
export function ParamField({ spec, issues, serviceMessage }: Props) {
  const value = useConsole((s) => s.values[spec.name] ?? '');
  const values = useConsole((s) => s.values);
  const photos = useConsole((s) => s.photos);
  const other = useConsole((s) => s.otherMode[spec.name] ?? false);
  const focusRequest = useConsole((s) => s.focusRequest);
  const bizNoNotice = useConsole((s) => (spec.name === 'biz_no' ? s.bizNoNotice : undefined));
  const { setValue, touch, setOtherMode, newBizNo } = useConsole.getState();
  const element = useRef<HTMLElement | null>(null);
  const ref = (el: HTMLElement | null) => {
    element.current = el;
  };
  const say = useRenderRef();
  const { t } = useTranslation('tokenForm');
  const id = `param-${spec.name}`;
  const required = isRequired(spec, values, photoSet(photos));
  const defaultRef = serviceDefaultText(spec);
  const defaultText = defaultRef ? say(defaultRef) : undefined;
  const notes = paramNotes(spec.name);
  const hasError = issues.some((i) => i.severity === 'error') || serviceMessage !== undefined;

  useEffect(() => {
    if (focusRequest?.field === spec.name) element.current?.focus();
  }, [focusRequest, spec.name]);

  // The label is the parameter name alone; the summary and messages describe the control.
  const describedBy = [`${id}-summary`, issues.length > 0 || serviceMessage ? `${id}-msg` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    'aria-invalid': hasError || undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
    onBlur: () => touch(spec.name),
  };
  const listed = (spec.values ?? []).some((v) => v.value === value);
  const customValue = spec.openValues && (other || (value !== '' && !listed));

  let control;
  if (spec.kind === 'enum') {
    const select = (
      <select
        {...common}
        ref={customValue ? undefined : ref}
        value={customValue ? OTHER : value}
        onChange={(e) => {
          if (e.target.value === OTHER) setOtherMode(spec.name, true);
          else {
            setOtherMode(spec.name, false);
            setValue(spec.name, e.target.value);
          }
          touch(spec.name);
        }}
      >
        {spec.required !== 'always' && <option value="">{t('notSent', { value: defaultText ?? t('notSentDefault') })}</option>}
        {spec.required === 'always' && value === '' && <option value="">{t('choose')}</option>}
        {(spec.values ?? []).map((v) => (
          <option key={v.value} value={v.value}>
            {v.value} — {say(valueLabel(spec.name, v.value))}
            {v.value === spec.serviceDefault ? t('isDefault', { tag: confidenceTag(spec.defaultConfidence ?? spec.confidence) }) : ''}
            {confidenceTag(v.confidence)}
          </option>
        ))}
        {spec.openValues && <option value={OTHER}>{t('otherValue')}</option>}
      </select>
    );
    control = (
      <div className="enum-control">
        {select}
        {customValue && (
          <input
            ref={ref}
            className="other-input"
            aria-label={t('otherLabel', { name: spec.name })}
            value={value}
            placeholder={t('otherPlaceholder')}
            onChange={(e) => setValue(spec.name, e.target.value)}
            onBlur={() => touch(spec.name)}
          />
        )}
      </div>
    );
  } else {
    const textarea = spec.name === 'biz_extra_data';
    const props = {
      ...common,
      value,
      placeholder: spec.kind === 'url' ? 'https://…' : spec.kind === 'integer' ? defaultText : undefined,
      inputMode: spec.kind === 'integer' ? ('numeric' as const) : undefined,
      spellCheck: false,
      autoComplete: 'off',
    };
    control = textarea ? (
      <textarea {...props} ref={ref} rows={3} onChange={(e) => setValue(spec.name, e.target.value)} />
    ) : (
      <input {...props} ref={ref} type="text" onChange={(e) => setValue(spec.name, e.target.value)} />
    );
  }

  return (
    <div className={`field${hasError ? ' has-error' : ''}`} data-param={spec.name}>
      <div className="field-head">
        <div>
          <label htmlFor={id}>
            <code className="param-name">{spec.name}</code>
            {required && (
              <span className="required" title={t('required')}>
                {' '}
                *
              </span>
            )}
          </label>
          <span className="summary" id={`${id}-summary`}>
            {' '}
            {say(paramSummary(spec.name))}
          </span>
        </div>
        {spec.confidence !== 'official' && (
          <span className="confidence" title={say(confidenceLabel(spec.confidence))}>
            {spec.confidence}
          </span>
        )}
      </div>
      <div className="field-control">
        {control}
        {spec.name === 'biz_no' && (
          <button type="button" className="small" onClick={newBizNo} title={t('newBizNoTitle')}>
            {t('newBizNo')}
          </button>
        )}
      </div>
      {spec.maxBytes !== undefined && spec.kind !== 'file' && (
        <div className={`bytes${utf8Length(value) > spec.maxBytes ? ' over' : ''}`}>
          {t('bytes', { count: utf8Length(value), limit: spec.maxBytes })}
        </div>
      )}
      {bizNoNotice && (
        <p className="msg info" role="status">
          {bizNoNotice}
        </p>
      )}
      {defaultText && spec.kind !== 'enum' && spec.kind !== 'integer' && <p className="notes">{defaultText}</p>}
      {notes && <p className="notes">{say(notes)}</p>}
      <p className="sources" title={t('sourcesTitle')}>
        {t('sources', { sources: spec.sources.join(', ') })}
      </p>
      <FieldMessages id={`${id}-msg`} issues={issues} serviceMessage={serviceMessage} />
    </div>
  );
}
