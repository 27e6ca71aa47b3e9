/** The embedded sandbox's opt-in: answer NO_FACE_FOUND / MULTIPLE_FACES from the photos' content. For this session only. */
import { useTranslation } from 'react-i18next';
import type { SandboxState } from '../../../core/api';
import { api } from '../../bridge';

export function SandboxFaceSwitch({
  state,
  onState,
}: {
  state: SandboxState;
  onState(r: Awaited<ReturnType<typeof api.setSandboxDetectFaces>>): void;
}) {
  const { t } = useTranslation('precheck');
  return (
    <p>
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={state.detectFaces}
          onChange={(e) => void api.setSandboxDetectFaces({ on: e.target.checked }).then(onState)}
          aria-describedby="sandbox-faces-note"
        />{' '}
        {t('sandbox.detectFaces')}
      </label>
      <span id="sandbox-faces-note" className="hint">
        {' '}
        {t('sandbox.detectFacesHint')}
      </span>
    </p>
  );
}
